/** Whether the runtime knows an IANA time zone such as "Europe/London". */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const TIME_ZONE_MESSAGE = "is not an IANA time zone such as Europe/London";
