using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;

namespace FastMaker.Engine.Books;

/// <summary>
/// Turns an untrusted book into a request for a fresh snapshot: when a book goes crossed, locked, off-grid or
/// disagrees with the venue's hash or top of book, one <see cref="ResubscribeRequest"/> goes to the
/// <see cref="Sink"/> (the transport unsubscribes and resubscribes the asset; the venue answers with a <c>book</c>).
/// While the book stays untrusted the request is repeated with a doubling gap (<see cref="BookResyncOptions"/>); the
/// next complete, trusted snapshot ends the episode. Engine thread only; decisions use the engine clock, so a replay
/// makes the same ones (it just has no sink). Allocation-free except when the token table grows.
/// </summary>
public sealed class BookResync
{
    private readonly MarketRegistry _registry;
    private readonly BookResyncOptions _options;
    private TokenState[] _tokens = new TokenState[64];

    // Tokens awaiting a snapshot (dense, swap-remove); few at a time.
    private int[] _active = new int[16];
    private int _activeCount;
    private long _earliestDueMs = long.MaxValue;

    /// <summary>Creates the component.</summary>
    public BookResync(MarketRegistry registry, BookResyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _registry = registry;
        _options = options;
    }

    /// <summary>Where requests go (the live host's relay to the market feed); null in replay and tests: decisions are still made and counted.</summary>
    public IResubscribeSink? Sink { get; set; }

    /// <summary>Requests decided (sent, refused by the sink, or made without a sink).</summary>
    public long Requests { get; private set; }

    /// <summary>Requests the sink refused, or made without one.</summary>
    public long RequestsNotDelivered { get; private set; }

    /// <summary>Times a book went untrusted while the rate limit held its next request back.</summary>
    public long RequestsDeferred { get; private set; }

    /// <summary>Episodes ended by a trusted snapshot.</summary>
    public long Restored { get; private set; }

    /// <summary>Tokens whose book awaits a fresh snapshot.</summary>
    public int Pending => _activeCount;

    /// <summary>True while <paramref name="tokenIndex"/> awaits a fresh snapshot.</summary>
    public bool IsPending(int tokenIndex) => (uint)tokenIndex < (uint)_tokens.Length && _tokens[tokenIndex].Active;

    /// <summary>When the next request for <paramref name="tokenIndex"/> may go out (engine ms), or 0.</summary>
    public long NextAllowedMs(int tokenIndex) => (uint)tokenIndex < (uint)_tokens.Length ? _tokens[tokenIndex].NextAllowedMs : 0;

    /// <summary>True for the reasons only a fresh snapshot cures (not the transient or connection-wide ones).</summary>
    public static bool NeedsSnapshot(BookUntrustedReason reason) => reason is BookUntrustedReason.Crossed or BookUntrustedReason.Locked
        or BookUntrustedReason.InvalidLevel or BookUntrustedReason.HashMismatch or BookUntrustedReason.TickSizeChanged;

    /// <summary>Grows the table to hold <paramref name="tokenIndex"/> (cold: when a book is created).</summary>
    public void EnsureToken(int tokenIndex)
    {
        if (tokenIndex >= _tokens.Length)
        {
            Array.Resize(ref _tokens, Math.Max(_tokens.Length * 2, tokenIndex + 1));
        }
    }

    /// <summary>The book of <paramref name="tokenIndex"/> is untrusted for <paramref name="reason"/>; requests a snapshot unless one is already awaited.</summary>
    public void OnUntrusted(int tokenIndex, BookUntrustedReason reason, long nowMs)
    {
        if (!_options.Enabled || !NeedsSnapshot(reason) || (uint)tokenIndex >= (uint)_tokens.Length)
        {
            return;
        }

        ref var state = ref _tokens[tokenIndex];
        if (state.Active)
        {
            // The episode's retries run from Poll.
            return;
        }

        state.Active = true;
        state.Reason = reason;
        state.Attempt = 0;
        if (nowMs - state.TrustedSinceMs >= _options.MaxIntervalMs)
        {
            // Calm since the last episode: start the back-off over.
            state.IntervalMs = 0;
        }

        AddActive(tokenIndex);
        if (nowMs >= state.NextAllowedMs)
        {
            Send(tokenIndex, ref state, nowMs);
        }
        else
        {
            RequestsDeferred++;
        }

        _earliestDueMs = Math.Min(_earliestDueMs, state.NextAllowedMs);
    }

    /// <summary>The book of <paramref name="tokenIndex"/> completed a trusted snapshot: its episode, if any, is over.</summary>
    public void OnTrusted(int tokenIndex, long nowMs)
    {
        if ((uint)tokenIndex >= (uint)_tokens.Length)
        {
            return;
        }

        ref var state = ref _tokens[tokenIndex];
        if (!state.Active)
        {
            return;
        }

        state.Active = false;
        state.TrustedSinceMs = nowMs;
        Restored++;
        RemoveActive(tokenIndex);
    }

    /// <summary>Repeats the request of every book still untrusted whose back-off has run out. Cheap when nothing is due.</summary>
    public void Poll(long nowMs)
    {
        if (nowMs < _earliestDueMs)
        {
            return;
        }

        var earliest = long.MaxValue;
        for (var i = 0; i < _activeCount; i++)
        {
            var token = _active[i];
            ref var state = ref _tokens[token];
            if (nowMs >= state.NextAllowedMs)
            {
                Send(token, ref state, nowMs);
            }

            earliest = Math.Min(earliest, state.NextAllowedMs);
        }

        _earliestDueMs = earliest;
    }

    private void Send(int tokenIndex, ref TokenState state, long nowMs)
    {
        state.IntervalMs = state.IntervalMs == 0 ? _options.MinIntervalMs : Math.Min(state.IntervalMs * 2, _options.MaxIntervalMs);
        state.NextAllowedMs = nowMs + state.IntervalMs;
        state.Attempt++;
        Requests++;
        var market = _registry.MarketOfToken(tokenIndex);
        var assetId = market.YesIndex == tokenIndex ? market.YesToken : market.NoToken;
        var request = new ResubscribeRequest(tokenIndex, assetId, state.Reason, state.Attempt, nowMs);
        if (Sink is not { } sink || !sink.TryRequestResubscribe(in request))
        {
            RequestsNotDelivered++;
        }
    }

    private void AddActive(int tokenIndex)
    {
        if (_activeCount == _active.Length)
        {
            Array.Resize(ref _active, _active.Length * 2);
        }

        _active[_activeCount++] = tokenIndex;
    }

    private void RemoveActive(int tokenIndex)
    {
        for (var i = 0; i < _activeCount; i++)
        {
            if (_active[i] == tokenIndex)
            {
                _active[i] = _active[--_activeCount];
                break;
            }
        }

        if (_activeCount == 0)
        {
            _earliestDueMs = long.MaxValue;
        }
    }

    private struct TokenState
    {
        public bool Active;
        public BookUntrustedReason Reason;
        public int Attempt;
        public long IntervalMs;
        public long NextAllowedMs;
        public long TrustedSinceMs;
    }
}
