// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SendCancel } from './SendCancel';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function cancelReply(status: number, body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } }),
  );
}

describe('Cancel sending', () => {
  it('asks first, then posts the cancel and hands the cancelled send to the page', async () => {
    const fetchMock = vi.fn().mockImplementation(() => cancelReply(200, { id: 4, status: 'cancelled', recipients: 2, states: { sent: 1, queued: 1 } }));
    vi.stubGlobal('fetch', fetchMock);
    const changed = vi.fn();
    render(<SendCancel sendId={4} onChanged={changed} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel sending' }));
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Keep sending' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel sending' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, stop sending' }));
    expect(await screen.findByText('The send was cancelled.')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/appeal-sends/4/cancel');
    expect(fetchMock.mock.calls[0][1].method).toBe('POST');
    expect(changed).toHaveBeenCalledWith(expect.objectContaining({ id: 4, status: 'cancelled' }));
  });

  it('says so when the send had already finished (409) and asks the page to read it again', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(() => cancelReply(409, { type: 'https://steward.invalid/problems/state', title: 'the send has finished', status: 409 })));
    const changed = vi.fn();
    render(<SendCancel sendId={4} onChanged={changed} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel sending' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, stop sending' }));
    expect(await screen.findByText('This send had already finished.')).toBeTruthy();
    expect(changed).toHaveBeenCalledWith(null);
  });

  it('shows another error next to the button and keeps the confirm open', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(() => cancelReply(403, { type: 'https://steward.invalid/problems/forbidden', title: 'your role may not do this', status: 403 })));
    const changed = vi.fn();
    render(<SendCancel sendId={4} onChanged={changed} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel sending' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, stop sending' }));
    expect((await screen.findByRole('alert')).textContent).toContain('your role may not do this');
    expect(screen.getByRole('button', { name: 'Yes, stop sending' })).toBeTruthy();
    expect(changed).not.toHaveBeenCalled();
  });
});
