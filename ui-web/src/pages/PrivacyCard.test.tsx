// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrivacyCard } from './PrivacyCard';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function privacyCardReply(status: number, body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } }),
  );
}

describe('personal data card', () => {
  it('explains what erase keeps and removes, and refuses until ERASE <id> is typed', async () => {
    const fetchMock = vi.fn().mockImplementation(() =>
      privacyCardReply(200, { constituent_id: 9, display_name: 'Erased donor #9', erased_at: '2026-11-29T10:00:00Z', redacted_audit_ids: [3, 4], removed: { emails: 2 } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const erased = vi.fn();
    render(<PrivacyCard record={{ id: 9, display_name: '박서연' }} erased={false} onErased={erased} />);
    fireEvent.click(screen.getByRole('button', { name: 'Erase personal data' }));
    expect(screen.getByText(/^Keeps: each gift's amount, date/)).toBeTruthy();
    expect(screen.getByText(/^Removes: names/)).toBeTruthy();
    const box = screen.getByLabelText('Type ERASE 9 to confirm');
    fireEvent.change(box, { target: { value: 'erase 9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Erase now' }));
    expect(screen.getByText('Type ERASE 9 exactly as shown.')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.change(box, { target: { value: 'ERASE 9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Erase now' }));
    expect(await screen.findByText('Emails: 2')).toBeTruthy();
    expect(screen.getByText('Audit entries redacted: 2')).toBeTruthy();
    expect(erased).toHaveBeenCalledTimes(1);
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ confirm: 'ERASE 9' });
  });

  it('shows the server refusal (already erased) and offers no erase on an erased record', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(() => privacyCardReply(409, { type: 'https://steward.invalid/problems/state', title: 'the request conflicts', status: 409, detail: 'already erased' })));
    const { rerender } = render(<PrivacyCard record={{ id: 9, display_name: '박서연' }} erased={false} onErased={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Erase personal data' }));
    fireEvent.change(screen.getByLabelText('Type ERASE 9 to confirm'), { target: { value: 'ERASE 9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Erase now' }));
    expect((await screen.findByRole('alert')).textContent).toContain('already erased');
    rerender(<PrivacyCard record={{ id: 9, display_name: 'Erased donor #9' }} erased onErased={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Erase personal data' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Download personal data' })).toBeTruthy();
  });
});
