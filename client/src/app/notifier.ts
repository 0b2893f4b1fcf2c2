/** Lets the Apollo error link (outside React) show a message through antd's App context. */
type Show = (text: string) => void;
let show: Show = (text) => console.error(text);

export function setErrorNotifier(fn: Show): void {
  show = fn;
}

export function notifyError(text: string): void {
  show(text);
}
