/** The choices of where a read goes, as the "Read from" picker offers them. */
import type { ReadTarget } from '../../../engine/types';

/** Picker value for "wherever the client's own routing setting says". */
export const CLIENT_SETTING = 'client-setting';

export interface ReadChoice {
  value: string;
  label: string;
  target: ReadTarget | undefined;
}

export function readChoices(replicas: readonly string[]): ReadChoice[] {
  return [
    { value: CLIENT_SETTING, label: "client's setting", target: undefined },
    { value: 'leader', label: 'the leader', target: 'leader' },
    { value: 'any', label: 'any replica (random)', target: 'any' },
    ...replicas.map((id) => ({ value: `replica:${id}`, label: id, target: { replica: id } })),
  ];
}
