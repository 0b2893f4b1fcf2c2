/** dumb-passwords ships no types: the one function used here. */
declare module 'dumb-passwords' {
  /** Whether the password (compared in lower case) is among the 10,000 most common. */
  export function check(password: string): boolean;
}
