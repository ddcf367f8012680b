/** The canonical widget kit: a namespace that holds types and values alike. */
export namespace Widgets {
  export interface Button {
    label: string;
  }
  export const version = 1;
}
