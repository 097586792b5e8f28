using System.Runtime.CompilerServices;
using FastMaker.Primitives;

namespace FastMaker.Engine.Books;

/// <summary>
/// The aggregated (price-level) book of one outcome token, as the market channel shows it.
/// Levels live in two dense arrays indexed by price in ticks, so an update is an index and a store,
/// never a search; the best prices are tracked incrementally. A tick-size change rebuilds the index.
/// Owned and mutated by the engine thread only.
/// </summary>
/// <remarks>
/// The book is <em>untrusted</em> (<see cref="IsTrusted"/> false) from construction until the first snapshot, and again
/// whenever it becomes crossed or locked, a level arrives off the tick grid, or the tick size changes in a way that
/// leaves levels off-grid. Quoting must not use an untrusted book; the next snapshot (a resubscribe) restores trust.
/// </remarks>
public sealed class OrderBook
{
    private const int NoBid = -1;

    private TickSize _tick;
    private int _ticksPerUnit;
    private long[] _bids;
    private long[] _asks;

    // Best prices in tick indexes; _bestAsk == _ticksPerUnit + 1 means no ask.
    private int _bestBid;
    private int _bestAsk;

    // Far ends ever touched since the last clear: bound the scans and the clear on a snapshot.
    private int _lowestBid;
    private int _highestAsk;

    private int _bidLevels;
    private int _askLevels;

    /// <summary>Creates an empty, untrusted book on the given tick grid.</summary>
    public OrderBook(TickSize tick)
    {
        if (!tick.IsValid)
        {
            throw new ArgumentException("tick must be one of the known tick sizes, not default(TickSize)", nameof(tick));
        }

        _tick = tick;
        _ticksPerUnit = tick.TicksPerUnit;
        _bids = new long[_ticksPerUnit + 1];
        _asks = new long[_ticksPerUnit + 1];
        ResetBests();
        UntrustedReason = BookUntrustedReason.NoSnapshot;
    }

    /// <summary>The current tick grid.</summary>
    public TickSize Tick => _tick;

    /// <summary>True when the book reflects a snapshot plus consistent deltas and may be quoted against.</summary>
    public bool IsTrusted => UntrustedReason == BookUntrustedReason.None;

    /// <summary>Why the book is untrusted, or <see cref="BookUntrustedReason.None"/>.</summary>
    public BookUntrustedReason UntrustedReason { get; private set; }

    /// <summary>Receive time (unix ms) of the last snapshot or delta applied.</summary>
    public long LastUpdateMs { get; private set; }

    /// <summary>Number of non-empty bid levels.</summary>
    public int BidLevels => _bidLevels;

    /// <summary>Number of non-empty ask levels.</summary>
    public int AskLevels => _askLevels;

    /// <summary>Best bid price and size, if any.</summary>
    public bool TryGetBestBid(out Price price, out Quantity size)
    {
        if (_bestBid == NoBid)
        {
            price = default;
            size = default;
            return false;
        }

        price = PriceAt(_bestBid);
        size = Quantity.FromRaw(_bids[_bestBid]);
        return true;
    }

    /// <summary>Best ask price and size, if any.</summary>
    public bool TryGetBestAsk(out Price price, out Quantity size)
    {
        if (_bestAsk > _ticksPerUnit)
        {
            price = default;
            size = default;
            return false;
        }

        price = PriceAt(_bestAsk);
        size = Quantity.FromRaw(_asks[_bestAsk]);
        return true;
    }

    /// <summary>Aggregate size resting at a price on one side (zero when empty or off-grid).</summary>
    public Quantity SizeAt(Side side, Price price)
    {
        if (!TryIndex(price, out var index))
        {
            return Quantity.Zero;
        }

        return Quantity.FromRaw(side == Side.Buy ? _bids[index] : _asks[index]);
    }

    /// <summary>Starts a snapshot: empties both sides. Follow with <see cref="SetLevel"/> calls and <see cref="EndSnapshot"/>.</summary>
    public void BeginSnapshot()
    {
        ClearSide(_bids, _lowestBid, _bestBid);
        ClearSide(_asks, _bestAsk, _highestAsk);
        ResetBests();
        UntrustedReason = BookUntrustedReason.SnapshotInProgress;
    }

    /// <summary>Ends a snapshot: the book becomes trusted unless a level was rejected or the book is crossed.</summary>
    public void EndSnapshot(long receiveMs)
    {
        LastUpdateMs = receiveMs;
        if (UntrustedReason == BookUntrustedReason.SnapshotInProgress)
        {
            UntrustedReason = BookUntrustedReason.None;
        }

        CheckCrossed();
    }

    /// <summary>
    /// Sets the aggregate size at a level (zero removes it), as a snapshot level or a <c>price_change</c> delta.
    /// An off-grid or out-of-range price is not applied and marks the book untrusted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public BookUpdateResult SetLevel(Side side, Price price, Quantity size)
    {
        if (size.Raw < 0)
        {
            MarkUntrusted(BookUntrustedReason.InvalidLevel);
            return BookUpdateResult.NegativeSize;
        }

        if (!TryIndex(price, out var index))
        {
            MarkUntrusted(BookUntrustedReason.InvalidLevel);
            return price.Raw % _tick.Value.Raw != 0 ? BookUpdateResult.OffGrid : BookUpdateResult.OutOfRange;
        }

        if (side == Side.Buy)
        {
            SetBid(index, size.Raw);
        }
        else
        {
            SetAsk(index, size.Raw);
        }

        return BookUpdateResult.Applied;
    }

    /// <summary>Applies one delta and then checks the book is neither crossed nor locked.</summary>
    public BookUpdateResult ApplyDelta(Side side, Price price, Quantity size, long receiveMs)
    {
        var result = SetLevel(side, price, size);
        LastUpdateMs = receiveMs;
        CheckCrossed();
        return result;
    }

    /// <summary>Marks the book untrusted until the next snapshot (e.g. a hash or sequence inconsistency).</summary>
    public void MarkUntrusted(BookUntrustedReason reason)
    {
        // Keep the first reason: it is the cause, later ones are consequences.
        if (UntrustedReason is BookUntrustedReason.None or BookUntrustedReason.SnapshotInProgress)
        {
            UntrustedReason = reason;
        }
    }

    /// <summary>
    /// Moves the book to a new tick grid. Levels on the new grid are kept; if any level falls off it, the book
    /// is untrusted until the next snapshot. Allocates (rare, cold path).
    /// </summary>
    public void ChangeTickSize(TickSize newTick)
    {
        if (!newTick.IsValid)
        {
            throw new ArgumentException("newTick must be one of the known tick sizes", nameof(newTick));
        }

        if (newTick == _tick)
        {
            return;
        }

        var priorReason = UntrustedReason;
        var oldTick = _tick.Value.Raw;
        var oldBids = _bids;
        var oldAsks = _asks;
        int oldLow = _lowestBid, oldBest = _bestBid, oldBestAsk = _bestAsk, oldHigh = _highestAsk;

        _tick = newTick;
        _ticksPerUnit = newTick.TicksPerUnit;
        _bids = new long[_ticksPerUnit + 1];
        _asks = new long[_ticksPerUnit + 1];
        ResetBests();

        var offGrid = false;
        for (var i = Math.Max(oldLow, 0); i <= oldBest; i++)
        {
            if (oldBids[i] != 0)
            {
                offGrid |= SetLevel(Side.Buy, Price.FromRaw(i * oldTick), Quantity.FromRaw(oldBids[i])) != BookUpdateResult.Applied;
            }
        }

        for (var i = oldBestAsk; i <= oldHigh && i < oldAsks.Length; i++)
        {
            if (oldAsks[i] != 0)
            {
                offGrid |= SetLevel(Side.Sell, Price.FromRaw(i * oldTick), Quantity.FromRaw(oldAsks[i])) != BookUpdateResult.Applied;
            }
        }

        if (offGrid && priorReason == BookUntrustedReason.None)
        {
            // SetLevel marked InvalidLevel; name the real cause.
            UntrustedReason = BookUntrustedReason.TickSizeChanged;
        }

        CheckCrossed();
    }

    /// <summary>
    /// Copies up to <paramref name="destination"/>.Length levels of one side, best first. Returns the count written.
    /// </summary>
    public int CopyLevels(Side side, Span<BookLevel> destination)
    {
        var written = 0;
        if (side == Side.Buy)
        {
            for (var i = _bestBid; i >= _lowestBid && i >= 0 && written < destination.Length; i--)
            {
                if (_bids[i] != 0)
                {
                    destination[written++] = new BookLevel(PriceAt(i), Quantity.FromRaw(_bids[i]));
                }
            }
        }
        else
        {
            for (var i = _bestAsk; i <= _highestAsk && i <= _ticksPerUnit && written < destination.Length; i++)
            {
                if (_asks[i] != 0)
                {
                    destination[written++] = new BookLevel(PriceAt(i), Quantity.FromRaw(_asks[i]));
                }
            }
        }

        return written;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Price PriceAt(int index) => Price.FromRaw(index * _tick.Value.Raw);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryIndex(Price price, out int index)
    {
        var tick = _tick.Value.Raw;
        var raw = price.Raw;
        index = raw / tick;
        // Levels at 0 and 1 can never trade; the venue never shows them. Anything else outside (0, 1) is garbage.
        return raw > 0 && raw < Price.Scale && raw % tick == 0;
    }

    private void SetBid(int index, long size)
    {
        var old = _bids[index];
        _bids[index] = size;
        if (size != 0)
        {
            if (old == 0)
            {
                _bidLevels++;
            }

            if (index > _bestBid)
            {
                _bestBid = index;
            }

            if (index < _lowestBid)
            {
                _lowestBid = index;
            }
        }
        else if (old != 0)
        {
            _bidLevels--;
            if (index == _bestBid)
            {
                var i = index - 1;
                while (i >= _lowestBid && _bids[i] == 0)
                {
                    i--;
                }

                _bestBid = i >= _lowestBid ? i : NoBid;
            }
        }
    }

    private void SetAsk(int index, long size)
    {
        var old = _asks[index];
        _asks[index] = size;
        if (size != 0)
        {
            if (old == 0)
            {
                _askLevels++;
            }

            if (index < _bestAsk)
            {
                _bestAsk = index;
            }

            if (index > _highestAsk)
            {
                _highestAsk = index;
            }
        }
        else if (old != 0)
        {
            _askLevels--;
            if (index == _bestAsk)
            {
                var i = index + 1;
                while (i <= _highestAsk && _asks[i] == 0)
                {
                    i++;
                }

                _bestAsk = i <= _highestAsk ? i : _ticksPerUnit + 1;
            }
        }
    }

    private void CheckCrossed()
    {
        if (_bestBid != NoBid && _bestAsk <= _ticksPerUnit && _bestBid >= _bestAsk)
        {
            MarkUntrusted(_bestBid == _bestAsk ? BookUntrustedReason.Locked : BookUntrustedReason.Crossed);
        }
    }

    private void ResetBests()
    {
        _bestBid = NoBid;
        _bestAsk = _ticksPerUnit + 1;
        _lowestBid = _ticksPerUnit + 1;
        _highestAsk = NoBid;
        _bidLevels = 0;
        _askLevels = 0;
    }

    private static void ClearSide(long[] levels, int from, int to)
    {
        from = Math.Max(from, 0);
        to = Math.Min(to, levels.Length - 1);
        if (to >= from)
        {
            Array.Clear(levels, from, to - from + 1);
        }
    }
}
