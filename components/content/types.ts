import type { AnchorMatch } from '@/lib/anchoring';
import type { AnalysisStatus } from '@/lib/protocol';
import type { Suggestion } from '@/lib/suggestions';
import type { Annotation, ColorName } from '@/lib/model';

/** One annotation of this page and how it anchored on this visit. */
export interface PageEntry {
  annotation: Annotation;
  match: AnchorMatch | null;
  /** The text the highlight is attached to now (differs from the quote for fuzzy matches). */
  foundText?: string;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type EditorState =
  | { mode: 'new'; rect: Rect }
  | { mode: 'edit'; id: string; rect: Rect | null; focusNote: boolean };

export type Toast =
  | { kind: 'deleted'; id: string }
  | { kind: 'dismissed'; key: string }
  | { kind: 'restored' }
  | { kind: 'changed'; moved: number; lost: number }
  | { kind: 'error'; message: string };

export interface UiState {
  editor: EditorState | null;
  listOpen: boolean;
  toast: Toast | null;
  entries: PageEntry[];
  tagSuggestions: string[];
  lastColor: ColorName;
  focusedId: string | null;
  paintSupported: boolean;
  /** Automatic suggestions painted on this page. */
  suggestions: Suggestion[];
  /** The suggestion whose card is open (hover, focus or popup). */
  suggestionCard: { key: string; rect: Rect | null } | null;
  analysis: AnalysisStatus | null;
}
