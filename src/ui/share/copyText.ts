/** Put text on the clipboard; where the Clipboard API is refused, select it for Ctrl+C instead. */
export async function copyText(
  text: string,
  fallbackField: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    fallbackField?.focus();
    fallbackField?.select();
    return false;
  }
}
