// The little of fontkit (pdfkit's font engine, npm `fontkit`) the invoice PDF uses: parse a
// font file once, hand the parsed font to pdfkit. fontkit ships no type declarations.
declare module "fontkit" {
  export interface Font {
    postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
