// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ContentApp, type ContentActions } from '../../../components/content/ContentApp';
import { HighlightList } from '../../../components/content/HighlightList';
import type { PageEntry, UiState } from '../../../components/content/types';
import { createTranslator } from '../../../lib/i18n';
import { createStore } from '../../../lib/store';
import { loadMessages } from '../../../scripts/locales';
import { makeAnnotation } from '../../helpers/factories';

const en = createTranslator(loadMessages('locales', 'en'));
const fr = createTranslator(loadMessages('locales', 'fr'));
const rect = { top: 100, left: 100, bottom: 120, right: 300 };

function actions(overrides: Partial<ContentActions> = {}): ContentActions {
  return {
    create: vi.fn(),
    update: vi.fn(async () => true),
    remove: vi.fn(),
    restore: vi.fn(),
    closeEditor: vi.fn(),
    openEditor: vi.fn(),
    focusEntry: vi.fn(),
    closeList: vi.fn(),
    openList: vi.fn(),
    dismissToast: vi.fn(),
    viewport: () => ({ width: 1280, height: 800 }),
    acceptSuggestion: vi.fn(),
    dismissSuggestion: vi.fn(),
    undismissSuggestion: vi.fn(),
    closeSuggestion: vi.fn(),
    revealSuggestion: vi.fn(),
    suggestionTakesFocus: () => true,
    ...overrides,
  };
}

function state(overrides: Partial<UiState> = {}) {
  return createStore<UiState>({
    editor: null,
    listOpen: false,
    toast: null,
    entries: [],
    tagSuggestions: ['AI Act', 'Compute'],
    lastColor: 'yellow',
    focusedId: null,
    paintSupported: true,
    suggestions: [],
    suggestionCard: null,
    analysis: null,
    ...overrides,
  });
}

const entry = (overrides: Parameters<typeof makeAnnotation>[0] = {}, match: PageEntry['match'] = { status: 'exact', start: 0, end: 10, confidence: 1 }): PageEntry => ({
  annotation: makeAnnotation(overrides),
  match,
});

describe('selection toolbar', () => {
  it('offers six labelled colours; one click creates with the typed note and tags', () => {
    const a = actions();
    render(<ContentApp t={en} store={state({ editor: { mode: 'new', rect } })} actions={a} />);
    const toolbar = screen.getByRole('toolbar', { name: 'Highlight the selection' });
    expect(toolbar).toBeTruthy();
    for (const name of ['Yellow', 'Green', 'Blue', 'Pink', 'Purple', 'Orange']) expect(screen.getByRole('button', { name })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'Key claim' } });
    const tags = screen.getByLabelText('Tags');
    fireEvent.input(tags, { target: { value: 'Open source' } });
    fireEvent.keyDown(tags, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Blue' }));
    expect(a.create).toHaveBeenCalledWith('blue', 'Key claim', ['Open source']);
  });

  it('is translated in French', () => {
    render(<ContentApp t={fr} store={state({ editor: { mode: 'new', rect } })} actions={actions()} />);
    expect(screen.getByRole('toolbar', { name: 'Surligner la sélection' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Jaune' })).toBeTruthy();
  });
});

describe('highlight card', () => {
  it('edits note and tags, changes colour with the arrow keys, deletes', async () => {
    const e = entry({ note: 'old', tags: ['AI Act'] });
    const a = actions();
    render(<ContentApp t={en} store={state({ entries: [e], editor: { mode: 'edit', id: e.annotation.id, rect, focusNote: true } })} actions={a} />);
    const dialog = screen.getByRole('dialog', { name: 'Highlight' });
    expect(dialog).toBeTruthy();
    const note = screen.getByLabelText('Note') as HTMLTextAreaElement;
    expect(note.value).toBe('old');
    expect(document.activeElement).toBe(note);
    fireEvent.input(note, { target: { value: 'new note' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag AI Act' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(a.update).toHaveBeenCalledWith(e.annotation.id, { note: 'new note', tags: [] }));

    const yellow = screen.getByRole('radio', { name: 'Yellow' });
    expect(yellow.getAttribute('aria-checked')).toBe('true');
    fireEvent.keyDown(yellow, { key: 'ArrowRight' });
    expect(a.update).toHaveBeenCalledWith(e.annotation.id, { color: 'green' });

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(a.remove).toHaveBeenCalledWith(e.annotation.id);
  });

  it('shows the old and new text for a fuzzy match, with its confidence', () => {
    const e: PageEntry = { ...entry({ quote: 'the Commission said' }, { status: 'fuzzy', start: 0, end: 5, confidence: 0.87 }), foundText: 'the Commission stated' };
    render(<ContentApp t={en} store={state({ entries: [e], editor: { mode: 'edit', id: e.annotation.id, rect, focusNote: false } })} actions={actions()} />);
    expect(screen.getByText('fuzzy 87%')).toBeTruthy();
    expect(screen.getByText('Was: the Commission said')).toBeTruthy();
    expect(screen.getByText('Now: the Commission stated')).toBeTruthy();
  });

  it('renders page and user text as text, never as HTML', () => {
    const evil = '<img src=x onerror="globalThis.pwned=1">';
    const e = entry({ quote: evil, note: evil, tags: [evil] });
    const { container } = render(
      <ContentApp t={en} store={state({ entries: [e], listOpen: true, editor: { mode: 'edit', id: e.annotation.id, rect, focusNote: false } })} actions={actions()} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByText(evil).length).toBeGreaterThan(0);
  });
});

describe('undo and notices', () => {
  it('offers Undo after a delete, in a polite live region', () => {
    const a = actions();
    render(<ContentApp t={en} store={state({ toast: { kind: 'deleted', id: 'urn:uuid:x' } })} actions={a} />);
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(a.restore).toHaveBeenCalledWith('urn:uuid:x');
  });

  it('tells the reader the article changed, and opens the list', () => {
    const a = actions();
    render(<ContentApp t={en} store={state({ toast: { kind: 'changed', moved: 2, lost: 1 } })} actions={a} />);
    expect(screen.getByText(/2 highlights moved, 1 could not be found/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show the list' }));
    expect(a.openList).toHaveBeenCalled();
  });
});

describe('accessible list of highlights', () => {
  it('lists found highlights as buttons and orphans apart with their stored quote', () => {
    const found = entry({ quote: 'found words' });
    const lost = entry({ quote: 'words that vanished' }, { status: 'orphan', confidence: 0, reason: 'not-found' });
    const onFocusEntry = vi.fn();
    const onOpen = vi.fn();
    render(
      <HighlightList
        t={en}
        entries={[found, lost]}
        focusedId={null}
        paintSupported
        statusLabel={(e) => e.match?.status ?? ''}
        onFocusEntry={onFocusEntry}
        onOpen={onOpen}
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Highlights on this page' })).toBeTruthy();
    expect(screen.getByText('1 highlights, 1 not found')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Not found on the page now' })).toBeTruthy();
    const button = screen.getByRole('button', { name: /found words/ });
    fireEvent.focus(button);
    expect(onFocusEntry).toHaveBeenCalledWith(found.annotation.id);
    fireEvent.click(button);
    expect(onOpen).toHaveBeenCalledWith(found.annotation.id);
    fireEvent.click(screen.getByRole('button', { name: /words that vanished/ }));
    expect(onOpen).toHaveBeenCalledTimes(1);
  });
});
