/**
 * Frames: risk as a combination of meanings within one clause, not as fixed strings. A frame fires
 * when the clause holds every concept it names (a self reference, a harm act, a means, a readiness
 * or time cue...), each concept being a family of lemmas and inflections. This is what lets the
 * screen recognise "the pills are saved up for friday" without that sentence being listed anywhere.
 * Patterns run on the normalised clause (lower case, no apostrophes, single spaces).
 */
export interface RiskFrame {
  reason: string;
  level: "crisis" | "elevated";
  /** Who is at risk: the writer (`self`), others from the writer, or the writer from someone. */
  subject: "self" | "others" | "from-someone";
  /** Every concept must be present in the clause. */
  all: RegExp[];
  /** None of these may be present (harmless senses of the same words). */
  unless?: RegExp[];
  /** None of these may be anywhere in the message: a job farewell colours every sentence of it. */
  unlessInMessage?: RegExp[];
}

const w = (source: string) => new RegExp(String.raw`\b(?:${source})\b`);

// Concepts.
const FIRST_PERSON = w(String.raw`i|im|ive|id|ill|me|my|myself|mine|meself`);
const DEATH_SELF = w(
  String.raw`dying feels|end it|do it|planning it|catch the bus|yeet\w* my ?self|(?:my|the) exit|log off permanently|delete my ?self from existence|long sleep|no coming back|s word my ?self|hold on any longer|die|dying|died|dead|death|suicid\w*|unaliv\w*|kms|kys|sewerslide|sewer slide|self delete|delete myself|not wake up|never wake up|not waking up|sleep forever|cease to exist|stop existing|not exist|not be (?:here|around|alive)|end (?:my ?self|my life|it|it all|everything|things)|ending (?:it|it all|everything|things|my life)|kill(?:ing|ed)? (?:my ?self|me)|off myself|take my (?:own )?life|be gone|disappear forever|go to sleep for ever|not be alive`,
);
const MEANS = w(
  String.raw`shotgun|crossbow|hammer|petrol|machete|medicine cabinet|engine running|boot of my car|car park|multi storey|9th floor|\d+ (?:of my )?(?:tablets|pills)|traffic|cliffs|stuff online|the means|plan and|pills?|tablets?|meds|medication|paracetamol|tylenol|ibuprofen|sleeping pills|painkillers|insulin|overdos\w*|od|ods|odd|oded|odd?ing|rope|noose|ligature|gun|guns|pistol|rifle|firearm|knife|knives|blade|blades|razor|razors|bridge|train|tracks|railway|platform|roof|rooftop|ledge|balcony|cliff|car exhaust|exhaust|carbon monoxide|bleach|poison|antifreeze|charcoal|belt|cord|bottle|packet|jump|jumping`,
);
const MEANS_READY = w(
  String.raw`on purpose|in the boot|running|stockpiling|against my|high enough|in front of|kicking in|picked a day|make sure|this time|ive been there|to look|waiting for|swallowed|injected|extra|everything|ordered|been looking|dont know why|up here|its quiet|im at|im on|feeling|is that a lot|saved|saving|stockpil\w*|hoard\w*|collect\w*|bought|buy|buying|got|have|has|had|ready|took|taken|take|taking|swallow\w*|downed|all of|all the|all my|whole|enough|every|handful|lots of|box|boxes|in front of me|next to me|in my (?:bag|drawer|car|hand|pocket)|tonight|tomorrow|today|now|plan|planned|planning|going to|want to|gonna|decided|about to|researching|looked up|how many|how much|lethal|fatal|stand(?:ing)? on|stood on|edge|jump|jumping|tie|tied|tying|hang|hanging|step in front|walk in front|drive into|crash (?:my|the) car|load(?:ed)?`,
);
const SELF_HARM_ACT = w(
  String.raw`cut(?:ting)? (?:my ?self|my (?:arms?|wrists?|legs?|thighs?|skin))|burn(?:ing|ed|t)? (?:my ?self|my (?:arms?|skin|hands?))|hurt(?:ing)? my ?self|harm(?:ing|ed)? my ?self|self ?harm\w*|self injur\w*|hit(?:ting)? my ?self|punish(?:ing)? my ?self|scratch(?:ing)? (?:my ?self|until i bleed)|relaps\w* (?:on|with|into) (?:cutting|self harm)|started cutting|cutting again|bleed`,
);
const FINALITY = w(
  String.raw`(?:see|meet) (?:you|you all|everyone|yall) (?:in (?:another|the next|a better) (?:life|world|place)|on the other side)|this is it|take care of yourselves|take care of everyone|sorry for (?:all )?(?:the trouble|everything|being|what)|tell \w+ (?:im|i am) sorry|(?:wont|will not) (?:need|be needing) (?:them|it|these|those|that|this)|wont be a (?:problem|bother|burden)|after tonight|from tomorrow you|wont have to deal with me|ends tonight|at peace with it|(?:everything|everythings|all) in order|(?:my|the) will|letters for|if anyone finds this|(?:couldnt|cant) hold on|all over (?:for good|soon)|so nobody gets stuck|where im going|done with all of it|with living|everything to (?:just )?stop|written the note|wrote the note|goodbye|good bye|goodbyes|farewell|last (?:message|time you|thing i|text|words)|final (?:message|goodbye|words)|for everything|by the time (?:you|anyone) (?:read|reads|see|sees|find|finds)|when (?:im|i am) gone|after (?:im|i am) gone|wont (?:be (?:here|around)|see me|hear from me)|not be (?:here|around) (?:tomorrow|much longer|next week|anymore)|all (?:to|be) (?:end|over)|it all end|this (?:is|will be) the end|done with (?:life|living|everything|it all|this life|being alive)|tired of (?:living|being alive|life|existing)|give away|giving away|gave away|affairs in order|sorted my (?:will|affairs)|wrote (?:a|my) (?:will|note|letter)|left (?:a|my) (?:note|letter)|note for my|take care of my (?:cat|dog|kids|family) (?:for me|when)|remember me|forgive me|see you on the other side|never see (?:me|you) again`,
);
const JOB_FAREWELL = w(
  String.raw`new (?:role|job|position|team|chapter|adventure|company|challenge|opportunity)|last day|leaving (?:party|do|drinks|the company|the team|cake)|retir\w*|holiday|holidays|vacation|annual leave|pto|(?:parental|maternity|paternity|study|long service) leave|log(?:ging)? off for (?:the|my)|moving on|moving to|joining|offsite|parental leave|maternity|paternity|sabbatical|handover|handing over|hand over|farewell (?:party|lunch|card|drinks|email)|send off|send-off|contract (?:ends|ending|is up)|internship|placement|transfer|relocat\w*|leaving party|my last (?:day|shift|week) (?:here|at)|my time (?:in|at|with|here|on)|leaving (?:the|this|my|our) (?:\w+ )?(?:section|team|department|dept|ward|unit|school|company|job|role|shop|store|site|office|depot|branch|practice|trust|council|firm|post|position|floor|crew|rota|shift|kitchen|bakery|warehouse|hospital|clinic|call centre|contact centre)|(?:see|catch) (?:you|some of you|you all|yall|everyone|ya|u) (?:all )?(?:soon|later|around|again|after (?:the|my|christmas|easter|the holidays|half term|summer)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the \d+\w*|the (?:\w+ )?(?:course|courses|rota|ward|shift|site|call|training|refresher|group chat|whatsapp|channel))|at (?:the|my|our) (?:\w+ )?(?:do|party|drinks|reunion|meeting|course|training|wedding|match|game|social|quiz|conference|gym)|in (?:the|a) (?:canteen|car park|pub|office|staff room|new year|spring|summer|autumn|winter|next (?:term|year|month|week)|few (?:weeks|months|days))|next (?:week|month|year|term|time|season|shift))|(?:keep|stay) in touch|(?:my|a) new (?:email|number|address|mobile|linkedin)|add me on|(?:full time|part time) (?:at|in)|going back to (?:college|uni|university|school|studying)|(?:im|i am|ill be|i will be) off to (?:run|start|drive|work|join|study|train|become|open|set up|travel|live|teach|nurse)|moving (?:up|down|back|over|away|abroad|home|house|north|south|east|west|across)|heading (?:back|home) to|(?:secondment|contract|placement|rotation|posting|fixed term|internship|apprenticeship|locum) (?:\w+ )?(?:ends|finishes|finishing|ending|is up|is over|starts|begins)|(?:a|another|different|new|other) (?:company|job|role|team|school|firm|employer|hospital|trust|depot|store|branch|site|position)|apprenticeship|traineeship|graduate scheme|(?:last|final) (?:night |day |early |late )?shift (?:for me )?(?:today|tonight|tomorrow|on|at|here)`,
);
const SAFETY = w(
  String.raw`urges|frightened of my ?self|scared of my ?self|afraid of my ?self|(?:im|i am) not safe|stop my ?self|(?:didnt|dont|do not) trust my ?self|cant promise (?:i|ill)|stay safe (?:till|until)|ill do it|safety plan (?:isnt|is not|not) working|in control of what|make it through (?:the|tonight)|idk what happens|dont know what happens|dont feel safe|(?:cant|cannot|can not|couldnt|not able to|unable to|dont know (?:if|how) (?:i can|to)|struggling to|hard to|not sure i can) (?:keep|stay|be|feel) (?:my ?self )?safe|(?:dont|do not|cant|cannot|no longer) trust my ?self|(?:scared|afraid|terrified|frightened|worried) (?:of|about) what i (?:might|will|could|would|may) do|not safe (?:tonight|right now|with my ?self|around my ?self|alone|on my own|to be alone|by my ?self)|urges? (?:are|is|getting|to) (?:back|stronger|worse|hurt|cut|do it|act)|(?:do|doing) something (?:stupid|drastic|i cant take back|permanent)|(?:lose|losing) (?:control|the fight) (?:tonight|of my ?self)|need (?:someone|somebody) to (?:keep me safe|stop me|stay with me)|please (?:stop me|help me stay)|someone (?:stop|talk) me (?:out|down)`,
);
const HARM_VERB = w(
  String.raw`make them (?:all )?pay|wait for (?:my|the|him|her)|run \w+ over|burn the \w+ down|teach (?:her|him|them) a lesson|never humiliates|petrol|bat|crossbow|shotgun|weapon|hit her|hit him|surprise|pay (?:her|him|them) a visit|kill|killing|murder|murdering|shoot|shooting|stab|stabbing|hurt|hurting|attack|attacking|strangle|beat (?:up|him|her|them)|bash|smash (?:his|her|their) (?:face|head)|make (?:him|her|them|everyone) pay|get (?:him|her|them|even)|run (?:him|her|them) over|poison|blow up|burn (?:down|it down)`,
);
const TARGET_OTHER = w(
  String.raw`[a-z]+s new|the hr|night shift|the warehouse|dave|steve|raj|lisa|a visit|all hands|ex|\w+ in it|\w+ home|bedroom|him|her|them|his|hers|someone|somebody|everyone|everybody|people|all of them|the lot of them|my (?:boss|manager|supervisor|colleague|coworker|co worker|team|teammate|wife|husband|partner|ex|neighbou?r|landlord|dad|father|mum|mom|mother|brother|sister|lead|director)|the (?:boss|manager|office|team|director|customer|client|patient)|(?:the|that) (?:guy|woman|man|idiot|b\w*)|[a-z]+ from (?:hr|finance|accounts|it|sales)`,
);
const OTHER_PLAN = w(
  String.raw`ive got|i have what|i know (?:what|which|where|when)|exactly how|not joking|already got|this time|wont see it coming|wont forget|after (?:her|his|their|work|the) \w+|when (?:she|he|they) gets? home|going to|gonna|will|ill|plan|planning|planned|ready|want to|wanna|tomorrow|tonight|today|monday|tuesday|wednesday|thursday|friday|next week|at the (?:meeting|office|standup|party)|bring|bringing|brought|got a|have a|bought|loaded|gun|knife|weapon|rifle|when (?:he|she|they) (?:come|comes|arrive|arrives|walk|walks)|if (?:he|she|they) (?:say|says|do|does)|swear|promise|one more time|deserve|deserves`,
);
const BRING_WEAPON = w(
  String.raw`(?:bring|bringing|brought|take|taking|carry|carrying|have|got|keep|keeping) (?:a|my|the|his|dads|a loaded) (?:gun|knife|weapon|rifle|pistol|blade|machete|bat|axe|firearm) (?:to|into|in|at) (?:work|the office|the site|the meeting|school|the building|my (?:bag|car|desk|locker))`,
);
const SOMEONE_ELSE = w(
  String.raw`he|she|they|hes|shes|theyre|my (?:partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|dad|father|mum|mom|mother|brother|sister|flatmate|roommate|housemate|landlord|manager|boss|supervisor|stepdad|son|uncle|neighbou?r|colleague|coworker)|(?:a|this|that|the) (?:guy|man|woman|customer|client|patient|colleague|coworker|stranger|patron)|someone|somebody|people`,
);
const THREAT_TO_ME = w(
  String.raw`(?:kill|hurt|stab|shoot|hit|beat|get|finish|strangle) (?:me|my kids|my children|my family|my son|my daughter)|(?:knife|gun|hammer|bat|blade|weapon) out|with a (?:hammer|knife|bat|gun|blade|weapon|crowbar)|(?:coming|come) (?:to get|for) me|locked me in|threw (?:a|the) \w+ at me|finish what (?:he|she|they) started|have an accident|see you soon|know(?:s)? where i live|(?:has|got|found) my (?:new )?address|waiting outside my (?:house|flat|home)|screaming (?:hes|shes|theyre) going to|hit me twice|next time will be worse|threaten\w* (?:to )?(?:kill|hurt|harm|hit|beat|attack|stab|shoot|end) me|threaten\w* me|(?:hit|hits|hitting|beat|beats|beating|punch\w*|kick\w*|chok\w*|strangl\w*|slap\w*|shov\w*|push\w*|grab\w*|assault\w*|rap\w*|attack\w*|hurt|hurts|hurting|lock\w* me|locked me|follow\w*|stalk\w*|waiting for me|wait for me) me|(?:going to|gonna|will|would|said (?:he|she|they) (?:would|will|d)|swore (?:he|she|they) (?:would|d)) (?:kill|hurt|hit|beat|stab|shoot|end|get|find) me|(?:kill|hurt|stab|shoot) me if|knows where i live|has a (?:gun|knife)|had a (?:gun|knife)|pulled a (?:knife|gun)`,
);
const FEAR_DANGER = w(
  String.raw`(?:scared|afraid|terrified|frightened|fear\w*) (?:to go home|of going home|for my life|for my safety|to leave|he will|she will|they will|of him|of her|of them|hes going to|shes going to|what (?:he|she|they) (?:will|might|would) do)|(?:not|never) safe at home|(?:im|i am) in danger|unsafe at home|hiding (?:from|in)|locked my ?self in|locked in (?:a|the|my|his|her|their|our) (?:room|bedroom|bathroom|toilet|loo|house|flat|home|car|van|cupboard|closet|shed|garage|basement|cellar|office)|dont feel safe (?:at home|going home|around (?:him|her|them))|(?:domestic|physical) (?:abuse|violence)|being (?:abused|beaten|stalked|followed|hit)`,
);
const INDIRECT = w(
  String.raw`better (?:place|off) without me|(?:happier|better off|free|fine|easier) if i (?:was|were|wasnt|werent) (?:gone|here|dead|around)|notice if i (?:wasnt|werent) here|being here by|(?:any|no) reason to be here|only one way out|not waiting around|weight around|life insurance than|hoping my heart (?:just )?stops|want out of (?:life|this life)|cant do another \d+ years|better off without me|better without me|(?:a|the|such a) burden|burden (?:to|on) (?:every|my|them|people)|(?:nobody|no one|noone|none of them) (?:would|will|d|ll) (?:miss|notice|care)|(?:no|not any|cant see a|cant see any) (?:way out|future|point (?:in|to) (?:living|life|anything|going on|carrying on|being here))|(?:whats|what is) the point (?:of|in) (?:living|life|anything|being here|going on|carrying on)|(?:nothing|no reason) (?:left )?to live for|no reason to (?:live|go on|keep going|be here|stay)|(?:cant|cannot) (?:go on|carry on|keep going) (?:anymore|any more|like this|much longer|living)|(?:dont|do not) (?:want|wanna) to (?:live|be alive|be here|exist|wake up|go on|carry on|keep going)|(?:rather|prefer to) (?:be dead|die|not wake up|not be here|not exist)|wish (?:i|that i) (?:was|were|could be|had) (?:dead|gone|never|not born|not here|not alive)|wish (?:i|that i) (?:wasnt|werent|didnt) (?:here|alive|born|exist|wake up)|(?:hope|hoping|pray|praying) (?:i|that i) (?:dont|do not|never|wont) wake up|(?:life is|lifes) (?:not|no longer|never) worth|not worth living|want (?:it|this|everything|the pain|all this) (?:all )?to (?:end|stop|be over) (?:forever|for good|permanently)|want (?:it|this|everything) (?:all )?(?:to )?be over|trapped (?:and|with) no (?:way|escape)|permanent (?:solution|way out|escape|sleep)|(?:no|not) (?:reason|point) to (?:stay|be) (?:here|alive|around)|(?:i|im) (?:a )?waste of (?:space|air|oxygen)`,
);
const INTENT = w(
  String.raw`wants|part of me|starting to listen|only thing|a lot|every day|if you know what i mean|i mean it|permanently|almost sorted|quietly|this weekend|i know how|want|wanted|wanting|wanna|wish|going to|gonna|plan|planning|planned|ready|decided|thinking (?:about|of)|thought (?:about|of)|think about|consider\w*|tempted|urge|urges|try|tried|trying|attempt\w*|about to|will|ill|need to|have to|should|might|tonight|tomorrow|soon|today|keep|kept|can|cant stop|could|would|d|feel like|feeling like|fantasi\w*|imagin\w*|dream\w*|research\w*|look\w* up|googl\w*|searched`,
);

/** Harmless senses of risk words: blanked out by the frames' `unless`. */
const WORK_SENSE = w(
  String.raw`coffee|caffeine|sugar|chocolate|cake|espresso|energy drinks?|red bull|memes|netflix|work|meetings?|emails?|slack|teams|zoom|spreadsheets?|jira|tickets?|excel|laptop|server|build|pipeline|process|deploy\w*|deadlines?|project|sprint|release|container|pod|vm|battery|phone|printer|app|code|tests?|bug|query|demo|pitch|presentation|interview|exam|gym|workout|run|marathon|laughing|laughter|embarrassment|boredom|curiosity|hunger|heat|cold|stage|slides|pizza|burger|tacos|beer|wine|sleep(?:ing)? in|nap|weekend|holiday|vacation|train (?:was|is|delayed|cancel\w*|strike|times|ticket|station|home)|catch (?:the|a|my) (?:train|bus)|bus|tracks? (?:changes|changed|progress|the|my|our|your|this|time|hours|record)|track(?:ing)?|bridge (?:call|meeting|the gap|line|loan|number)|cross that bridge|jump (?:on|into|in|to|onto|off) (?:a|the|this|that|call|meeting|teams|zoom|it|slack|chat|queue)|jump start|jumping (?:on|into|in|to|onto|off) (?:a|the|this|that|call|meeting)|quick|fences|conclusions|ship|bandwagon|headfirst|hoops|gun to (?:my|your) head|smoking gun|jump the gun|big guns|stick to (?:my|your|our) guns|top gun|nerf|glue gun|staple gun|heat gun|rope (?:in|into|access|course)|learning the ropes|show (?:you|him|her|them|me) the ropes|on the ropes|roped in|knife edge|butter knife|pen ?knife|swiss army|steak knife|cake knife|razor thin|razor sharp|roof (?:terrace|bar|garden|repair|leak|top bar)|on the roof (?:terrace|bar)|balcony (?:party|drinks|seat)|edge case|cliff ?hanger|fiscal cliff|pill (?:reminder|organiser|organizer)|took my (?:meds|pills|tablets|medication) (?:this morning|already|today|at)|vitamin\w*|antibiotics|allergy|hay fever|prescription|pharmacy|birth control|stomach|headache|migraine|cold|flu`,
);

export const RISK_FRAMES_EN: RiskFrame[] = [
  // Self: death words with a first person, unless they sit in a work sense.
  { reason: "suicidal-thoughts", level: "crisis", subject: "self", all: [DEATH_SELF, INTENT, FIRST_PERSON], unless: [WORK_SENSE] },
  {
    reason: "suicidal-thoughts",
    level: "crisis",
    subject: "self",
    all: [
      w(
        String.raw`suicid\w*|unaliv\w*|kms|sewerslide|sewer slide|self delete|kill(?:ing|ed)? my ?self|end(?:ing)? my (?:own )?life|take my (?:own )?life|off my ?self`,
      ),
    ],
    unless: [
      w(
        String.raw`excel|laptop|app|server|build|code|container|pod|process|branch|career|suicide (?:prevention|awareness|training|first aid|squad|mission|doors|hotline|helpline|line|lines|rate|rates|statistics)`,
      ),
    ],
  },
  {
    reason: "suicidal-plan",
    level: "crisis",
    subject: "self",
    all: [MEANS, MEANS_READY],
    unless: [
      WORK_SENSE,
      w(
        String.raw`kits?|leaflet|warning|label|guidance|stock|pharmacy|prescriptions? (?:for|refill)|naloxone|(?:once|twice|three times|\d times) a (?:day|week)|prescribed|repeat prescription|for my (?:thyroid|blood pressure|asthma|diabetes|heart|migraines?|back|hay fever|allergies|cholesterol)`,
      ),
    ],
  },
  {
    reason: "suicidal-plan",
    level: "crisis",
    subject: "self",
    all: [
      MEANS,
      MEANS_READY,
      FIRST_PERSON,
      w(
        String.raw`all|whole|enough|saved|stockpil\w*|hoard\w*|collect\w*|overdos\w*|od|oded|rope|noose|gun|pistol|rifle|blade|razor|bridge|tracks|train|roof|ledge|cliff|balcony|jump|jumping|bleach|poison|antifreeze|exhaust|carbon monoxide|lethal|fatal|how many|in front of me|edge|hang|hanging|tie|tied|ligature|die|dying|dead|end it|goodbye|not wake|for good|forever|tonight|handful|box|boxes|stood|standing`,
      ),
    ],
    unless: [WORK_SENSE],
  },
  {
    reason: "self-harm",
    level: "crisis",
    subject: "self",
    all: [SELF_HARM_ACT],
    unless: [
      w(
        String.raw`training|awareness|course|webinar|policy|leaflet|poster|how (?:do|can|should) (?:i|we) (?:help|support|respond)|cut (?:my ?self )?(?:some )?slack|cutting corners|cut(?:ting)? my ?self off from|hurt(?:ing)? my ?self (?:at the gym|lifting|running|playing|skiing)|harm(?:ing)? my ?self (?:professionally|career)|bleeding (?:money|cash|customers|edge)`,
      ),
    ],
  },
  { reason: "final-message", level: "crisis", subject: "self", all: [FINALITY], unless: [WORK_SENSE], unlessInMessage: [JOB_FAREWELL] },
  { reason: "not-safe", level: "crisis", subject: "self", all: [SAFETY] },
  {
    reason: "indirect-suicidal",
    level: "crisis",
    subject: "self",
    all: [INDIRECT],
    unless: [w(String.raw`project|meeting|sprint|ticket|feature|deadline|release|this job|job|role|company|career|task`)],
  },
  // Others, from the writer: a harm act on a person with a plan, time or weapon.
  {
    reason: "harm-to-others",
    level: "crisis",
    subject: "others",
    all: [HARM_VERB, TARGET_OTHER, OTHER_PLAN, w(String.raw`i|im|ill|id|ive|me|my|we|were|gonna|going to`)],
    unless: [
      w(
        String.raw`killing (?:it|me)|is killing|are killing|(?:kill|murder|lynch|strangle|throttle) us|murder (?:a|an|some|the) (?:\w+ )?(?:coffee|pizza|beer|burger|drink|song|karaoke)|kill (?:the|this|that) (?:process|build|job|task|meeting|bug|feature|project|idea|deal|lights|music|mood|server)|shoot (?:him|her|them|me|you|us) (?:an|a|the) (?:email|message|note|text|invite|dm|ping|link|line)|hurt (?:his|her|their) feelings|make them pay (?:for|the)|pay (?:the|an|their) invoice|attack (?:the|this) (?:problem|backlog|task|issue|list)|shooting (?:a|the) (?:video|photo|scene)|photo shoot|kill them with kindness|gonna kill (?:him|her|them) if (?:he|she|they) (?:eat|eats|touch|touches|drink|drinks|take|takes|use|uses|steal|steals|forget|forgets|break|breaks|scheduled|schedules|book|books)`,
      ),
    ],
  },
  {
    reason: "harm-to-others",
    level: "crisis",
    subject: "others",
    all: [
      w(String.raw`i|im|ill|ive|id|gonna|going to`),
      w(
        String.raw`shotgun|crossbow|petrol|weapon|machete|bat|hammer|teach (?:her|him|them) a lesson|make (?:them|him|her|everyone) (?:all )?pay|wont see it coming|never humiliates|pay (?:her|him|them) a visit|run \w+ over|burn \w+ down|hit (?:her|him)`,
      ),
      OTHER_PLAN,
    ],
    unless: [
      w(
        String.raw`bat for|cricket|baseball|softball|(?:for|towards|chip in for|money for|pay for) (?:the )?petrol|petrol (?:money|costs?|station|prices?)|car shar\w*|lift share|a lift|hammer (?:out|home|away)|teach (?:her|him|them) a lesson (?:in|about|on)|pay (?:her|him|them) a visit (?:at|to say|for)|surprise (?:party|cake|gift|lunch)`,
      ),
    ],
  },
  {
    reason: "harm-to-others",
    level: "crisis",
    subject: "others",
    all: [BRING_WEAPON],
    unless: [
      w(
        String.raw`for (?:the|a) (?:cake|lunch|party|demo|workshop|cooking)|cake knife|butter knife|bread knife|nerf|glue gun|staple gun|heat gun|bat for (?:the|our)|cricket|softball|baseball (?:game|team)`,
      ),
    ],
  },
  // The writer in danger from someone else.
  {
    reason: "danger-from-someone",
    level: "crisis",
    subject: "from-someone",
    all: [THREAT_TO_ME, SOMEONE_ELSE],
    unless: [
      w(
        String.raw`(?:hit|hits|punch\w*|kick\w*|grab\w*|hurt) me (?:up|with (?:a|an|the) (?:email|message|call|invite|question|request|task|deadline|bill)|back|on (?:teams|slack|linkedin|whatsapp)|for (?:a|the) (?:coffee|favour|favor))|follow(?:ed|ing|s)? me (?:on|back)|(?:boss|manager|deadline|work|client) (?:is|will be|would) (?:killing|going to kill|gonna kill) me (?:if|when)|gonna kill me (?:if|when) (?:i|we) (?:miss|forget|break|am late|dont)|(?:mum|mom|wife|husband|partner|boss|manager) (?:is|will|would|s|ll|d) (?:going to |gonna )?kill me (?:if|when|for)|find me (?:a|an|the|some)|get me (?:a|an|the|some|coffee|started)|waiting for me (?:at|in) (?:the )?(?:lobby|reception|meeting|cafe|pub)`,
      ),
    ],
  },
  {
    reason: "danger-from-someone",
    level: "crisis",
    subject: "from-someone",
    all: [FEAR_DANGER],
    unless: [
      w(
        String.raw`podcast|film|movie|book|series|training|course|article|news|(?:scared|afraid|terrified) (?:to go home|of going home) (?:and|because) (?:see|face|tell)|the (?:dog|cat|cake|deadline)`,
      ),
    ],
  },
];

/** Severe distress, stated broadly: over-calling here costs a supporter's glance, not a miss. */
export const ELEVATED_FRAMES_EN: RiskFrame[] = [
  {
    reason: "concern-for-someone-else",
    level: "elevated",
    subject: "self",
    all: [
      w(
        String.raw`worried|concerned|colleague|coworker|co worker|friend|mate|one of my|a guy|a girl|someone on my|he said|she said|they said|he told|she told|his|her`,
      ),
      w(
        String.raw`cuts|bruises|pills|goodbye|wake up|point in anything|without (?:him|her|them)|driving into|hurting (?:her|him|them)|hurt (?:himself|herself|themselves)|kill (?:himself|herself|themselves)|suicid\w*|die|dying|just in case|drinking|self harm|end it|not be around`,
      ),
    ],
  },
  {
    reason: "struggling",
    level: "elevated",
    subject: "self",
    all: [
      w(
        String.raw`struggl\w*|not ok|not okay|not alright|not doing (?:well|ok|okay|great|good)|not coping|barely coping|cant cope|cannot cope|unable to cope|cant handle|cant take|cant do this|falling apart|fall apart|breaking down|broke down|break down|breakdown|breaking point|end of my (?:rope|tether)|at my limit|hit a wall|rock bottom|lost it|losing it|losing my mind|going crazy|spiral\w*|crumbl\w*|in a (?:bad|dark) (?:place|way|spot)|dark place|dark thoughts|hard time|rough time|tough time|really hard|so hard|too hard|need help|need to talk|need someone|help me|please help|sos|hopeless|helpless|worthless|useless|a failure|hate my ?self|hate my life|broken|shattered|empty|lost`,
      ),
    ],
    unless: [
      w(
        String.raw`not ok(?:ay)? (?:with|to|if)|struggl\w* (?:with|to) (?:the|this|that|a|my) (?:printer|vpn|wifi|login|password|excel|code|bug|build|form|app|laptop|setup|config)|lost (?:my|the|a) (?:keys|badge|laptop|phone|password|file|doc|link|charger|wallet)|help me (?:find|with|book|get|understand|set|fix)|need help (?:with|finding|booking|setting|getting|understanding)|useless (?:printer|tool|app|meeting|laptop|system|software)|broken (?:link|build|printer|laptop|test|page|screen|arm|leg|wrist)|empty (?:room|desk|office|fridge|inbox|queue|slot)`,
      ),
    ],
  },
  {
    reason: "low-mood",
    level: "elevated",
    subject: "self",
    all: [
      w(
        String.raw`rough|holding it together|bad day|heavy|awful|feel like crap|(?:been|feel|feeling|so|really) low|not really here|through glass|nothing makes me happy|going under|crashing down|falling to pieces|by my ?self every|dont know a single person|havent spoken to|not part of it|no one remembered|nobody remembered|like a ghost|no real friends|hungover|just to function|stomach drops|cant face|make my ?self go in|feel sick every|welling up|hours a night|cant think straight|awake again|full nights sleep|didnt make it|in my dreams|freeze|since what happened|signed me off|stress|stressed|ocd|bipolar|therapy|waiting list|head is a mess|shaky|close to home|whats wrong with me|numb|nothing (?:feels|matters)|feel nothing|dont feel anything|dead inside|empty inside|hollow|flat|depress\w*|sad all the time|so sad|miserable|low mood|feel(?:ing)? (?:so |really |very )?low|down all the time|grey|gray|no joy|no energy|cant feel|disconnected|detached|going through the motions|autopilot|cry|crying|cried|cries|tears|sobb\w*|weep\w*|in bits|meltdown|melt down|mental health|mentally|mental breakdown|anxi\w*|panic\w*|heart racing|cant breathe|chest tight|shaking|burn(?:t|ed)? out|burnout|exhausted|drained|running on empty|nothing left|no gas left|on fumes|dread\w*|sick to my stomach|knot in my stomach|throw up|physically sick|overwhelm\w*|drown\w*|underwater|sinking|too much|head above water|suffocat\w*|crushed|buried|swamped|cant keep up|lonel\w*|alone|isolat\w*|no one to talk|nobody to talk|no friends|no one cares|nobody cares|invisible|left out|no one notices|nobody notices|no one understands|by my ?self all|cut off`,
      ),
    ],
    unless: [
      w(
        String.raw`crying (?:laughing|with laughter|baby|shame)|cry (?:laughing|baby)|cried laughing|tears of (?:joy|laughter)|anxious (?:to|for) (?:see|hear|know|get|start)|panic (?:button|buy|buying|room)|flat (?:white|rate|fee|file|tyre|tire|screen|structure|hierarchy|out)|grey (?:area|hair|suit|market|box)|gray (?:area|hair|box)|too much (?:sugar|coffee|cake|food|pizza|noise|paperwork)|drown(?:ing)? (?:out|in (?:paperwork|emails|meetings|tickets|notifications|slack|spam))|home alone|alone (?:in the office|time|at lunch)|work alone|left out of the (?:email|invite|thread|chat|cc)|buried (?:in|under) (?:emails|paperwork|tickets)|swamped (?:with|this|today)|detached (?:garage|house|head)|autopilot (?:mode|feature|on)|cut off (?:date|time|point)|sinking fund|anxiety (?:training|awareness|workshop|webinar|course)|mental health (?:day|first aid|training|awareness|week|webinar|policy|champion|resources|workshop|month)|mentally (?:prepared|ready|noting)|exhausted (?:the|all|every|our|my) (?:options|budget|list|ideas)|dread(?:ing)? (?:the|this|that|a|my) (?:commute|traffic|meeting|call|presentation|review|dentist|demo|inbox|email)|nothing left (?:to|on|in) (?:do|the|my) (?:list|agenda|backlog)?|on fumes|(?:throw|threw) up (?:a|the|an) (?:idea|banner|dashboard|page)`,
      ),
    ],
  },
  {
    reason: "no-sleep",
    level: "elevated",
    subject: "self",
    all: [
      w(
        String.raw`(?:cant|cannot|couldnt|not|havent|hardly|barely|no|without|zero|dont) (?:sleep|slept|sleeping)|insomnia|awake (?:all|every|at) night|up all night|lie awake|lying awake|nightmares?|2 hours sleep|\d+ (?:hours|hrs|nights|days) (?:of )?(?:no|without) sleep|no sleep`,
      ),
    ],
    unless: [
      w(
        String.raw`(?:no|without) sleep (?:mode|setting)|party|gig|concert|baby (?:kept|woke)|newborn|new baby|jet ?lag|red eye|flight|launch party|hackathon`,
      ),
    ],
  },
  {
    reason: "trauma",
    level: "elevated",
    subject: "self",
    all: [
      w(
        String.raw`flashbacks?|intrusive|keep seeing|keeps replaying|replay\w*|cant stop (?:thinking|seeing|picturing|hearing)|cant get (?:it|the|that|his|her|their) \w* ?out of my head|haunt\w*|traumati\w*|trauma|ptsd|shaken|jump(?:y|ing) at|on edge|since the (?:incident|accident|attack|crash|death|fire|assault|shooting|robbery|code|arrest)|after the (?:incident|accident|attack|crash|death|fire|assault|shooting|robbery|arrest)`,
      ),
    ],
    unless: [
      w(
        String.raw`replay (?:the|this|that) (?:video|recording|session|meeting|game|match)|trauma (?:ward|unit|team|bay|surgeon|informed training)|on edge (?:case|device|computing)`,
      ),
    ],
  },
  {
    reason: "drinking-to-cope",
    level: "elevated",
    subject: "self",
    all: [
      w(
        String.raw`drink\w*|drunk|wine|vodka|gin|beer|booze|alcohol|whisky|whiskey|bottle|smok\w*|weed|cannabis|pills|xanax|valium|benzos|coke|cocaine|using|high|numb (?:it|the)|gambl\w*`,
      ),
      w(
        String.raw`cope|coping|get through|every night|every day|each night|alone|to sleep|to forget|to numb|numb|morning|before work|at work|before (?:my|the) shift|more and more|too much|cant stop|only way|escape|blackout|black out|hide|hiding|again`,
      ),
    ],
    unless: [
      w(
        String.raw`team drinks|drinks (?:after|on|at|tonight|friday)|(?:wine|beer|gin) (?:tasting|o clock|festival|club)|drinking water|high (?:priority|level|street|five)|using (?:the|a|this|that|teams|slack|excel|jira)`,
      ),
    ],
  },
  {
    reason: "work-dread",
    level: "elevated",
    subject: "self",
    all: [
      w(String.raw`dread\w*|terrified|scared|afraid|panic\w*|sick|shak\w*|cry\w*|hate`),
      w(String.raw`work|shift|shifts|job|office|monday|mondays|morning|mornings|going in|go in|log ?on|clock in|boss|manager|team`),
    ],
    unless: [
      w(
        String.raw`dread(?:ing)? (?:the|this|that) (?:commute|traffic|rain|weather|train)|sick (?:day|leave|note|pay|of (?:the|this) (?:printer|wifi|vpn|rain))|hate (?:mondays lol|the printer|the vpn|the wifi|meetings lol)|scared (?:of|about) (?:the|this) (?:demo|presentation|deadline) (?:lol|haha)`,
      ),
    ],
  },
];
