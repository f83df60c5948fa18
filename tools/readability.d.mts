// Types for readability.mjs, so TypeScript tests can use the same measure as the WTR command.
export declare const GOALS: {
  standard: {grade: number; share: number; median: number};
  easy: {grade: number; share: number};
};
export declare function words(text: string): string[];
export declare function syllables(word: string): number;
export declare function sentences(text: string): string[];
export declare function grade(text: string): number;
export interface Figures {
  sentences: number;
  atOrBelow6: number;
  atOrBelow4: number;
  median: number;
  hardest: {grade: number; text: string}[];
}
export declare function summarise(list: string[], hardest?: number): Figures;
