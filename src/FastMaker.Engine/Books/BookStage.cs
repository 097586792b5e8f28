using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Primitives;

namespace FastMaker.Engine.Books;

/// <summary>
/// Stage 1 of the engine: applies market-channel events to the per-token books and keeps each book's trust and
/// freshness. Engine thread only; allocation-free except when a new token's book is created.
/// </summary>
public sealed class BookStage
{
    private readonly MarketRegistry _registry;
    private readonly long _staleAfterMs;
    private OrderBook?[] _books = new OrderBook?[64];

    // Top-of-book statements awaiting the end of their frame, one per token (the last one wins). A frame touches
    // one or two assets, so a linear search of two small arrays beats a dictionary (whose Clear alone wiped its
    // whole capacity every frame); they grow, rarely, when a frame touches more.
    private int[] _pendingTokens = new int[8];
    private ExpectedTop[] _pendingTop = new ExpectedTop[8];
    private int _pendingCount;

    // The snapshot being applied (events of one book message arrive consecutively).
    private int _snapshotToken = -1;

    // Receive time of the latest event: VerifyFrame runs between events and stamps its findings with it.
    private long _lastEventMs;

    /// <summary>Creates the stage.</summary>
    /// <param name="registry">Token interning and market metadata.</param>
    /// <param name="staleAfterMs">A book with no update for this long is stale and must not be quoted.</param>
    /// <param name="resync">When an untrusted book requests a fresh snapshot; null for the defaults.</param>
    public BookStage(MarketRegistry registry, long staleAfterMs, BookResyncOptions? resync = null)
    {
        if (staleAfterMs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(staleAfterMs), staleAfterMs, "staleAfterMs must be positive");
        }

        _registry = registry;
        _staleAfterMs = staleAfterMs;
        Resync = new BookResync(registry, resync ?? new BookResyncOptions());
    }

    /// <summary>Requests a fresh snapshot for each book that goes untrusted (rate-limited per asset).</summary>
    public BookResync Resync { get; }

    /// <summary>Events for tokens not in the registry (counted, ignored).</summary>
    public long UnknownTokenEvents { get; private set; }

    /// <summary>Levels rejected by a book (off-grid, out of range).</summary>
    public long RejectedLevels { get; private set; }

    /// <summary>Times the venue's best bid/ask disagreed with our book after a price change.</summary>
    public long TopOfBookMismatches { get; private set; }

    /// <summary>The book of a token, or null before its first snapshot or tick size.</summary>
    public OrderBook? Book(int tokenIndex) => (uint)tokenIndex < (uint)_books.Length ? _books[tokenIndex] : null;

    /// <summary>True when the token's book is trusted and was updated within the staleness window.</summary>
    public bool IsQuotable(int tokenIndex, long nowMs)
    {
        var book = Book(tokenIndex);
        return book is { IsTrusted: true } && nowMs - book.LastUpdateMs <= _staleAfterMs;
    }

    /// <summary>True when the token's book has had no update for longer than the staleness window.</summary>
    public bool IsStale(int tokenIndex, long nowMs)
    {
        var book = Book(tokenIndex);
        return book is null || nowMs - book.LastUpdateMs > _staleAfterMs;
    }

    /// <summary>Applies one inbound event; returns the token whose book changed, or -1.</summary>
    public int OnEvent(ref InboundEvent e)
    {
        _lastEventMs = e.ReceiveMs;
        switch (e.Kind)
        {
            case InboundKind.BookBegin:
                return OnBookBegin(ref e);
            case InboundKind.BookLevel:
                if (_snapshotToken >= 0)
                {
                    ref readonly var level = ref e.Payload.BookLevel;
                    Count(_books[_snapshotToken]!.SetLevel(level.Side, level.Price, level.Size));
                }

                return -1;
            case InboundKind.BookEnd:
                return OnBookEnd(ref e);
            case InboundKind.PriceChange:
                return OnPriceChange(ref e);
            case InboundKind.TickSizeChange:
                return OnTickSizeChange(ref e);
            case InboundKind.ConnectionStatus:
                if (e.Payload.Connection.State == ConnectionState.Down && e.Channel == InboundChannel.Market)
                {
                    MarkAllUntrusted(BookUntrustedReason.Disconnected);
                }

                return -1;
            default:
                return -1;
        }
    }

    private int OnBookBegin(ref InboundEvent e)
    {
        _snapshotToken = -1;
        var token = e.TokenIndex;
        if (token < 0)
        {
            UnknownTokenEvents++;
            return -1;
        }

        ref readonly var snapshot = ref e.Payload.Book;
        var market = _registry.MarketOfToken(token);
        if (snapshot.HasTickSize)
        {
            // The book message is authoritative for the tick it was built on.
            market.Tick = snapshot.TickSize;
        }

        if (market.Tick is not { } tick)
        {
            // A missing tick size is never defaulted: no book until one is known.
            return -1;
        }

        var book = EnsureBook(token, tick);
        if (book.Tick != tick)
        {
            book.ChangeTickSize(tick);
        }

        book.BeginSnapshot();
        _snapshotToken = token;
        return -1;
    }

    private int OnBookEnd(ref InboundEvent e)
    {
        var token = _snapshotToken;
        _snapshotToken = -1;
        if (token < 0 || token != e.TokenIndex)
        {
            return -1;
        }

        var book = _books[token]!;
        book.EndSnapshot(e.ReceiveMs);
        if (book.IsTrusted)
        {
            Resync.OnTrusted(token, e.ReceiveMs);
        }
        else
        {
            // A snapshot that is itself crossed or off-grid: ask again, within the rate limit.
            Resync.OnUntrusted(token, book.UntrustedReason, e.ReceiveMs);
        }

        return token;
    }

    private int OnPriceChange(ref InboundEvent e)
    {
        var token = e.TokenIndex;
        if (token < 0)
        {
            UnknownTokenEvents++;
            return -1;
        }

        var book = Book(token);
        ref readonly var change = ref e.Payload.PriceChange;
        if (book is null || !change.HasSize)
        {
            return -1;
        }

        Count(book.ApplyDelta(change.Side, change.Price, change.Size, e.ReceiveMs));
        if (!book.IsTrusted)
        {
            Resync.OnUntrusted(token, book.UntrustedReason, e.ReceiveMs);
        }

        if (change.HasTopOfBook)
        {
            // The venue states the top of book after its update; a message may touch one asset several times,
            // so the statement is checked once the whole frame has been applied (VerifyFrame).
            PendingTop(token) = new ExpectedTop(change.HasBestBid, change.BestBid, change.HasBestAsk, change.BestAsk);
        }

        return token;
    }

    /// <summary>
    /// Checks the top of book each price change of the previous frame announced against our books; a mismatch
    /// means we missed an update, so that book is untrusted until the next snapshot. Called at frame boundaries.
    /// </summary>
    public void VerifyFrame()
    {
        if (_pendingCount == 0)
        {
            return;
        }

        var count = _pendingCount;
        _pendingCount = 0;
        for (var i = 0; i < count; i++)
        {
            var token = _pendingTokens[i];
            ref readonly var expected = ref _pendingTop[i];
            if (Book(token) is not { IsTrusted: true } book)
            {
                continue;
            }

            var bidMatches = book.TryGetBestBid(out var bid, out _) ? expected.HasBid && bid == expected.Bid : !expected.HasBid;
            var askMatches = book.TryGetBestAsk(out var ask, out _) ? expected.HasAsk && ask == expected.Ask : !expected.HasAsk;
            if (!bidMatches || !askMatches)
            {
                TopOfBookMismatches++;
                book.MarkUntrusted(BookUntrustedReason.HashMismatch);
                Resync.OnUntrusted(token, book.UntrustedReason, _lastEventMs);
            }
        }
    }

    /// <summary>The slot for a token's top-of-book statement in this frame (added when the token is new to it).</summary>
    private ref ExpectedTop PendingTop(int token)
    {
        for (var i = 0; i < _pendingCount; i++)
        {
            if (_pendingTokens[i] == token)
            {
                return ref _pendingTop[i];
            }
        }

        if (_pendingCount == _pendingTokens.Length)
        {
            // Cold: a frame touching more assets than ever before.
            Array.Resize(ref _pendingTokens, _pendingCount * 2);
            Array.Resize(ref _pendingTop, _pendingCount * 2);
        }

        _pendingTokens[_pendingCount] = token;
        return ref _pendingTop[_pendingCount++];
    }

    private readonly record struct ExpectedTop(bool HasBid, Price Bid, bool HasAsk, Price Ask);

    private int OnTickSizeChange(ref InboundEvent e)
    {
        var token = e.TokenIndex;
        if (token < 0)
        {
            UnknownTokenEvents++;
            return -1;
        }

        var tick = e.Payload.TickSizeChange.NewTickSize;
        if (!tick.IsValid)
        {
            return -1;
        }

        var market = _registry.MarketOfToken(token);
        market.Tick = tick;
        ChangeTickSize(token, tick, e.ReceiveMs);
        ChangeTickSize(market.ComplementOf(token), tick, e.ReceiveMs);
        return token;
    }

    private void ChangeTickSize(int token, TickSize tick, long nowMs)
    {
        if (Book(token) is not { } book)
        {
            return;
        }

        book.ChangeTickSize(tick);
        if (!book.IsTrusted)
        {
            Resync.OnUntrusted(token, book.UntrustedReason, nowMs);
        }
    }

    private void MarkAllUntrusted(BookUntrustedReason reason)
    {
        foreach (var book in _books)
        {
            book?.MarkUntrusted(reason);
        }
    }

    private OrderBook EnsureBook(int token, TickSize tick)
    {
        if (token >= _books.Length)
        {
            Array.Resize(ref _books, Math.Max(_books.Length * 2, token + 1));
        }

        Resync.EnsureToken(token);
        return _books[token] ??= new OrderBook(tick);
    }

    private void Count(BookUpdateResult result)
    {
        if (result != BookUpdateResult.Applied)
        {
            RejectedLevels++;
        }
    }
}
