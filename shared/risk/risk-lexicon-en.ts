import type { RiskLexicon } from "./risk-lexicon.js";

// Building blocks, written for normalised text (no apostrophes, single spaces).
const I = String.raw`(?:i|im|ive|id|ill|i am|i have|i would|i will|i had)`;
const WANT = String.raw`(?:want|wanting|wanna|wish|wishing|going|gonna|plan|planning|ready|need|try|trying|tempted|thinking about|thought about|considering)`;
const SELF = String.raw`(?:myself|my self|meself)`;
const PERSON = String.raw`(?:him|her|them|someone|somebody|everyone|everybody|people|my (?:boss|manager|colleague|coworker|co worker|team|wife|husband|partner|ex|neighbou?r))`;
const ABUSER = String.raw`(?:he|she|they|my (?:partner|husband|wife|boyfriend|girlfriend|ex|dad|father|mum|mom|mother|brother|sister|flatmate|roommate|landlord|manager|boss))`;
const OTHERS = String.raw`(?:everyone|everybody|they|people|my (?:family|kids|children|wife|husband|partner|team|parents|friends)|the world|the team|things|life|work)`;

const p = (reason: string, source: string) => ({ reason, pattern: new RegExp(String.raw`\b${source}\b`) });

/** English. Sources: common crisis-line screening guidance and the seed material in shared/seeds. */
export const RISK_LEXICON_EN: RiskLexicon = {
  language: "en",
  crisis: [
    p(
      "suicidal-thoughts",
      String.raw`(?:suicide|suicidal|kill ${SELF}|killing ${SELF}|killed ${SELF}|end ${SELF}|unalive ${SELF}|off ${SELF})`,
    ),
    p("suicidal-thoughts", String.raw`${WANT} (?:to )?(?:die|be dead|not exist|not be alive|stop existing|not be here)`),
    p("suicidal-thoughts", String.raw`(?:wish|wished) (?:i|that i) (?:was|were|could be) (?:dead|gone|never born)`),
    p("suicidal-thoughts", String.raw`wish (?:i|that i) (?:wasnt|werent|was not|were not) (?:alive|here|born|around)`),
    p(
      "suicidal-thoughts",
      String.raw`(?:dont|do not|no longer|never) (?:want|wanna|wish) to (?:live|be alive|be here|exist|wake up|go on|carry on)`,
    ),
    p("suicidal-thoughts", String.raw`(?:end|ending|take|taking) (?:my|my own) life`),
    p("suicidal-thoughts", String.raw`(?:end|ending|finish) (?:it all|everything|things for good|it for good|it tonight|it today)`),
    p("suicidal-thoughts", String.raw`(?:better off dead|rather be dead|rather not be alive|rather not exist|rather die)`),
    p(
      "suicidal-thoughts",
      String.raw`(?:no|nothing|no more) (?:reason|reasons|point) (?:to|in|for) (?:live|living|going on|being alive|carrying on|me being here)`,
    ),
    p("suicidal-thoughts", String.raw`nothing (?:left )?to live for`),
    p("suicidal-thoughts", String.raw`life (?:is not|isnt|aint|is no longer) worth (?:living|it)`),
    p("suicidal-thoughts", String.raw`(?:whats|what is) the point (?:of|in) (?:living|life|being alive|going on)`),
    p(
      "suicidal-thoughts",
      String.raw`(?:cant|cannot|can not|couldnt) (?:go on|carry on|keep going) (?:anymore|any more|like this|living|much longer)`,
    ),
    p("suicidal-thoughts", String.raw`(?:go to sleep|fall asleep) and (?:never|not) wake up`),
    p("suicidal-plan", String.raw`(?:overdose|overdosing|od on|(?:take|taking|swallow|swallowing) all (?:of )?my (?:pills|tablets|meds))`),
    p("suicidal-plan", String.raw`(?:hang|hanging|hanged|drown|drowning|shoot|shooting|poison|poisoning|gas) ${SELF}`),
    p(
      "suicidal-plan",
      String.raw`(?:jump|jumping|throw ${SELF}|step|stepping|walk|walking) (?:off|from|in front of|under) (?:a|the|my) (?:bridge|building|roof|cliff|train|bus|car|lorry|truck|balcony)`,
    ),
    p("suicidal-plan", String.raw`(?:bought|got|have|getting|buy) (?:a|the) (?:rope|gun|noose)(?: (?:for|to)|$)`),
    p("suicidal-plan", String.raw`(?:wrote|written|writing|write|left) (?:a|my) (?:suicide|goodbye|farewell) (?:note|letter)`),
    p("indirect-suicidal", String.raw`${OTHERS} (?:would|will|d|ll|might) be (?:better|happier|fine|easier) (?:off )?without me`),
    p("indirect-suicidal", String.raw`better off without me`),
    p("indirect-suicidal", String.raw`(?:nobody|no one|noone|no body) (?:would|will|d|ll|is going to) (?:miss|notice|care about) me`),
    p(
      "indirect-suicidal",
      String.raw`(?:nobody|no one|noone) (?:would|will|d) (?:care|notice) if i (?:was|were|died|disappeared|wasnt here)`,
    ),
    p(
      "suicidal-thoughts",
      String.raw`(?:feel like|want to|going to|thinking (?:about|of)|ready to|planning to) (?:ending|end) (?:it|things|everything)(?: all)?`,
    ),
    p(
      "suicidal-thoughts",
      String.raw`(?:think|thinking|thought|keep thinking) (?:a lot )?about (?:dying|death|being dead|not being (?:here|alive)|not waking up)`,
    ),
    p("indirect-suicidal", String.raw`(?:cant|cannot|can not|dont|do not|couldnt) see (?:a|any|another) way out`),
    p("indirect-suicidal", String.raw`(?:there is|theres|there s) no way out`),
    p("indirect-suicidal", String.raw`giv(?:e|ing|en) (?:away )?(?:all )?my (?:things|stuff|belongings|possessions|books|clothes) away`),
    p("indirect-suicidal", String.raw`giv(?:e|ing|en) away (?:all )?my (?:things|stuff|belongings|possessions)`),
    p(
      "indirect-suicidal",
      String.raw`(?:wont|will not|not going to|may not|might not) be (?:here|around|alive) (?:much longer|for long|tomorrow|next week|by (?:tomorrow|monday|the weekend))`,
    ),
    p("indirect-suicidal", String.raw`(?:this is|saying|say) (?:my )?(?:final |last )?goodbye(?:s)? (?:to everyone|forever|for good)`),
    p("indirect-suicidal", String.raw`disappear (?:forever|for good|permanently)`),
    p(
      "indirect-suicidal",
      String.raw`(?:want|wanted|wanna) (?:it|everything|the pain|this) (?:all )?to (?:end|stop) (?:forever|for good|permanently)`,
    ),
    p("indirect-suicidal", String.raw`(?:a|the|no) burden (?:to|on) (?:everyone|everybody|my family|them|people)`),
    p(
      "self-harm",
      String.raw`(?:self harm|self harming|selfharm|self injury|self injure|hurt ${SELF}|hurting ${SELF}|harm ${SELF}|harming ${SELF}|burn ${SELF}|burning ${SELF}|punish ${SELF} physically)`,
    ),
    p(
      "self-harm",
      String.raw`(?:cutting ${SELF}|cut ${SELF} (?:again|on purpose|deliberately)|cut my (?:wrists|arms|legs)|slit my wrists)`,
    ),
    p(
      "not-safe",
      String.raw`${I} (?:not|dont feel|do not feel|dont|arent|am not) (?:feel )?safe (?:with ${SELF}|around ${SELF}|at home|to be alone|on my own)`,
    ),
    p("not-safe", String.raw`(?:dont|do not) trust ${SELF} (?:tonight|right now|anymore|not to)`),
    p("harm-to-others", String.raw`${WANT} (?:to )?(?:kill|hurt|stab|shoot|attack|strangle|beat up) ${PERSON}`),
    p("harm-to-others", String.raw`(?:ill|i will|im going to|i am going to|im gonna) (?:kill|hurt|stab|shoot|attack) ${PERSON}`),
    p(
      "harm-to-others",
      String.raw`(?:bring|bringing|take|taking) (?:a|my) (?:gun|knife|weapon|rifle) (?:to|into) (?:work|the office|the site|the meeting|school)`,
    ),
    p("harm-to-others", String.raw`shoot up (?:the|this) (?:office|place|building|school)`),
    p(
      "danger-from-someone",
      String.raw`${ABUSER} (?:hits|hit|beats|beat|punched|punches|kicked|kicks|choked|chokes|strangled|strangles|slapped|slaps|attacked|attacks|raped|assaulted) me`,
    ),
    p("danger-from-someone", String.raw`${ABUSER} (?:has )?threaten(?:s|ed)? to (?:kill|hurt|harm|attack|beat) me`),
    p(
      "danger-from-someone",
      String.raw`(?:afraid|scared|terrified|frightened) (?:that )?${ABUSER} (?:will|ll|is going to|might|could) (?:hurt|kill|attack|beat) me`,
    ),
    p("danger-from-someone", String.raw`(?:scared|afraid|terrified) (?:for my life|to go home|of going home)`),
    p(
      "danger-from-someone",
      String.raw`${I} (?:in danger|being (?:abused|beaten|stalked|threatened|hurt) (?:at home|by)|not safe at home)`,
    ),
    p("danger-from-someone", String.raw`(?:domestic (?:abuse|violence)|being stalked|someone is stalking me|fear for my life)`),
  ],
  elevated: [
    p("panic", String.raw`(?:panic attack|panic attacks|anxiety attack|anxiety attacks|panicking all the time)`),
    p("cannot-cope", String.raw`(?:cant|cannot|can not|unable to|not able to|struggling to) cope`),
    p(
      "cannot-cope",
      String.raw`(?:not coping|barely coping|at breaking point|breaking point|at the end of my (?:rope|tether)|falling apart|breakdown|break down)`,
    ),
    p(
      "cannot-cope",
      String.raw`(?:cant|cannot) (?:take (?:much more|any more|anymore)|(?:do|take|handle) (?:it|this) (?:anymore|any more|much longer))`,
    ),
    p(
      "not-sleeping",
      String.raw`(?:not|havent|have not|hardly|barely|cant|cannot|couldnt) (?:slept|sleeping|sleep) (?:for|in) (?:days|nights|a week|weeks|two days|three days)`,
    ),
    p("not-sleeping", String.raw`(?:no|zero|hardly any) sleep (?:for|in) (?:days|nights|a week|weeks)`),
    p("burnout", String.raw`(?:burnt out|burned out|burnout|burning out|completely exhausted|running on empty)`),
    p("overwhelmed", String.raw`(?:overwhelmed|drowning in work|cant breathe|cant stop crying|crying every (?:day|night)|crying at work)`),
    p(
      "low-mood",
      String.raw`(?:hopeless|worthless|so depressed|really depressed|very depressed|depressed|so anxious|numb all the time|feel empty|dread (?:going to work|every day|mornings))`,
    ),
    p("low-mood", String.raw`(?:cant|cannot) get out of bed`),
    p("low-mood", String.raw`(?:hate my life|(?:im|i am) not (?:ok|okay|alright) at all|(?:im|i am) really not (?:ok|okay))`),
    p("giving-up", String.raw`want (?:it|everything|this) (?:all )?to stop`),
    p("giving-up", String.raw`(?:feel like|feeling like|want to|wanna) (?:giving up|give up|disappear|run away)`),
    p("drinking-to-cope", String.raw`drinking (?:to cope|every night|too much|to get through)`),
    p(
      "harassment",
      String.raw`(?:bullied|bullying|harassed|harassment|sexually harassed|discriminated against|abusive|intimidated|humiliated)`,
    ),
    p(
      "trauma",
      String.raw`(?:flashbacks|nightmares about|traumati[sz]ed|cant stop thinking about (?:the|what) (?:accident|incident|attack|crash))`,
    ),
  ],
  idioms: [
    // Overdosing on food, screens or work is an idiom; the lexicon's drugs and medicines are not here.
    /\boverdos\w* on (?:(?:all the|the|some|too much|so much|free|leftover|christmas|birthday|office|mince) )?(?:coffee|caffeine|sugar|chocolate|cake|cakes|cupcakes?|biscuits?|cookies?|sweets|candy|pizza|doughnuts?|donuts?|snacks?|crisps|chips|carbs|cheese|pastries|mince pies|memes|netflix|tv|telly|box sets?|podcasts|meetings|emails|spreadsheets|slides|work|overtime|energy drinks|red bull|tea|vitamin c|sunshine|nostalgia|festive cheer)\b/g,
    /\b(?:can|could) (?:now )?die happy\b|\b(?:going to|gonna|will|ll|would|d) die if i have to\b/g,
    /\b(?:excel|laptop|pc|computer|phone|app|server|build|code|spreadsheet|macbook|printer|router|career) (?:just |has |basically )?committed suicide\b|\bcareer suicide\b|\bdelete myself from (?:the|this|that|all)\b/g,
    /\b(?:is|are|was|were|s|re|its|it is|hes|shes|thats|theyre|youre|keeps|keep|will|ll|gonna) (?:literally |absolutely |slowly |actually )?(?:killing|going to kill|gonna kill|murdering|going to be the death of) (?:me|us)\b/g,
    /\b(?:could|would|can|gonna|going to) (?:murder|kill|die for) (?:a|an|for a|for an|for|some) \w+/g,
    /\bkill(?:ed|ing|s)? (?:the|a|this|that|my|our|your|their|all the|off the) (?:build|builds|process|processes|job|jobs|task|tasks|server|servers|pod|pods|container|containers|branch|bug|bugs|feature|deal|lights|music|engine|meeting|session|sessions|tab|tabs|app|query|queries|script|thread|threads|project|idea|proposal|ticket|pipeline|service|vm|instance|mood|vibe|conversation|noise|time)\b/g,
    /\b(?:killed it|killing it|kill it|kills it|dressed to kill|kill time|killing time|kill two birds|overkill|kill switch|killer (?:feature|app|deal|presentation|idea))\b/g,
    /\bshoot (?:me|us|them|him|her|you) (?:an|a|the|over an|over a|over the|your|over your) (?:\w+ )?(?:email|e mail|message|note|mail|text|line|dm|invite|ping|link|reply|update|quick|slides?|deck|file|files|doc|docs|document|details|number|notes|agenda|figures|report|spreadsheet|sheet|calendar|times|dates|questions|list|photo|pics?|screenshot|draft)\b/g,
    /\b(?:photo|video|product) shoot\b|\bshoot for the (?:moon|stars)\b|\bstraight shooter\b|\bshoot(?:ing)? the breeze\b/g,
    /\b(?:server|servers|build|laptop|phone|battery|car|machine|vm|service|process|pipeline|instance|node|disk|drive|printer|computer|wifi|internet|app|plant|plants|project|idea|deal|conversation|meeting|link) (?:has |just |finally |is |s )?(?:died|dead|dying|is dead)\b/g,
    /\bdead ?(?:tired|end|ends|line|lines|link|links|code|lock|locks|beat|easy|serious|right|on|weight|wood|zone|heat|quiet)\b/g,
    /\b(?:dying|died) (?:to|for) (?:know|see|try|hear|meet|get|go|read|watch)\b|\bdying (?:of|from) (?:laughter|boredom|embarrassment|curiosity|heat|hunger)\b/g,
    /\b(?:to die for|die hard|do or die|knock(?:ed|ing|s)? (?:them|em|\w+) dead|nearly died laughing|could have died of embarrassment|(?:bored|scared|sick|worked|frozen|worried|talked|done|loved) to death|death by (?:powerpoint|meetings|slides|email|a thousand))\b/g,
    /\bend (?:of )?(?:the|this|my|our) (?:day|week|meeting|sprint|call|quarter|year|month|shift|project)\b|\bend (?:the|this) (?:call|meeting)\b/g,
    /\btake my (?:own )?life (?:back|in|into|to the next|in a new direction)\b/g,
    /\bsuicide (?:prevention|awareness|training|first aid|hotline|helpline|line|lines|squad|mission|doors)\b/g,
    /\b(?:murder mystery|killer sudoku|shot in the dark|big shot|hot shot|give it a shot|worth a shot|a shot at)\b/g,
    /\b(?:hang on|hang out|hang in there|hang tight|hang up|hanging out|get the hang of)\b/g,
    /\bmy (?:feet|head|back|legs|neck) (?:is |are )?killing me\b/g,
  ],
  // "cant" and "couldnt" are left out on purpose: "I can't stop wanting to die" must still count.
  negations: ["not", "never", "no", "dont", "doesnt", "didnt", "wont", "wouldnt", "isnt", "arent", "wasnt", "havent", "hasnt", "nor"],
  mediaCues: [
    /\b(?:movie|film|book|novel|show|series|episode|song|lyrics|game|article|news|podcast|documentary|play|training|course|webinar|lecture|report|research|statistics|study|handbook|faq|faqs|leaflet|guidance|policy|poster|warning signs?|wording|escalation section|volunteer|awareness|prevention|naloxone)\b/,
    /\bhow (?:do|can|should) (?:i|we) (?:ask|respond|reply|help|support|talk to)\b|\bwhat (?:wording|should the bot|do i say)\b/,
  ],
  reportedCues: [
    /\b(?:he|she|they|someone|somebody|my (?:friend|colleague|coworker|co worker|manager|boss|teammate|brother|sister|son|daughter)|a (?:friend|colleague|coworker|teammate)) (?:said|says|told me|tells me|mentioned|wrote|posted|texted|messaged|joked|keeps saying|is talking about|talked about)\b/,
    /\b(?:kill|killing|hurt|hurting|harm|harming) (?:himself|herself|themselves|themself)\b/,
    /\b(?:he|she|they) (?:wants|want|wanted|is going|are going) to die\b/,
    /\b(?:worried|concerned|scared|afraid) (?:about|for) (?:a|my) (?:friend|colleague|coworker|teammate|son|daughter|brother|sister)\b/,
  ],
  misspellings: {
    suicde: "suicide",
    sucide: "suicide",
    suiside: "suicide",
    suicid: "suicide",
    suacide: "suicide",
    sucidal: "suicidal",
    suicdal: "suicidal",
    suicidel: "suicidal",
    suisidal: "suicidal",
    myslef: "myself",
    mysef: "myself",
    mself: "myself",
    myselfe: "myself",
    kms: "kill myself",
    unalive: "unalive",
    wanna: "want to",
    gonna: "going to",
    dnt: "dont",
    didnt: "didnt",
    cnt: "cant",
    cant: "cant",
    anymore: "anymore",
    ded: "dead",
    ppl: "people",
    evryone: "everyone",
    everyon: "everyone",
    wihtout: "without",
    withot: "without",
    selfharm: "self harm",
    overdosed: "overdose",
    pils: "pills",
    kil: "kill",
    kiling: "killing",
    killin: "killing",
    myslf: "myself",
    mysel: "myself",
    suicidle: "suicidal",
    dieing: "dying",
    wnt: "want",
    wnat: "want",
    sicide: "suicide",
    s3wer: "sewer",
    s00n: "soon",
    wan: "want",
  },
};
