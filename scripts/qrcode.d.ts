/** The part of the `qrcode` package (https://github.com/soldair/node-qrcode) that scripts use. */
declare module 'qrcode' {
  export interface QRCodeToStringOptions {
    /** 'terminal': ANSI blocks for a terminal; 'utf8': text blocks; 'svg'. */
    type?: 'terminal' | 'utf8' | 'svg';
    /** Terminal output at half height (two rows per character). */
    small?: boolean;
    errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
  }
  export function toString(text: string, options?: QRCodeToStringOptions): Promise<string>;
}
