import type { Response } from 'express';
import type { BoardPackDto } from './dto/board-pack.dto';
import { renderPackPdf } from './pack-pdf';
import { writePackXlsx } from './pack-xlsx';

/** A file name a reader recognises: the organisation, the pack's title and its date. */
function fileName(pack: BoardPackDto, extension: string): string {
  const base = `${pack.content.organisation.name} ${pack.title} ${pack.asOf}`
    .replace(/[^\p{L}\p{N} ._-]+/gu, '')
    .replace(/\s+/g, '-')
    .slice(0, 150);
  return `${base || 'board-pack'}.${extension}`;
}

function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Streams the PDF as it is drawn; a published pack never changes, so it may be cached privately. */
export function sendPackPdf(pack: BoardPackDto, response: Response): void {
  response.setHeader('Content-Type', 'application/pdf');
  response.setHeader('Content-Disposition', disposition(fileName(pack, 'pdf')));
  response.setHeader('Cache-Control', 'private, no-store');
  renderPackPdf(pack, response);
}

export async function sendPackXlsx(pack: BoardPackDto, response: Response): Promise<void> {
  response.setHeader(
    'Content-Type',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  response.setHeader('Content-Disposition', disposition(fileName(pack, 'xlsx')));
  response.setHeader('Cache-Control', 'private, no-store');
  await writePackXlsx(pack, response);
}
