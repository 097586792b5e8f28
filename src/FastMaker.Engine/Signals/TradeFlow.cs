namespace FastMaker.Engine.Signals;

/// <summary>
/// Trade flow of one token from the public tape (<c>last_trade_price</c>): aggressor buy and sell volume and the
/// trade count over a rolling time window. Exact integer sums over a fixed ring; when more trades than the ring
/// holds arrive inside the window, the oldest fall out early (the window is then shorter, never wrong in sign).
/// </summary>
public sealed class TradeFlow
{
    private readonly long _windowMs;
    private readonly int _mask;
    private readonly long[] _time;
    private readonly long[] _buy;
    private readonly long[] _sell;
    private long _head;
    private long _tail;

    /// <summary>Creates a flow window.</summary>
    public TradeFlow(long windowMs, int capacity)
    {
        _windowMs = windowMs;
        _mask = capacity - 1;
        _time = new long[capacity];
        _buy = new long[capacity];
        _sell = new long[capacity];
    }

    /// <summary>Aggressor-buy volume in the window (raw 1e-6 shares).</summary>
    public long BuyVolumeRaw { get; private set; }

    /// <summary>Aggressor-sell volume in the window (raw 1e-6 shares).</summary>
    public long SellVolumeRaw { get; private set; }

    /// <summary>Trades in the window.</summary>
    public int TradeCount => (int)(_head - _tail);

    /// <summary>Signed aggressor volume, buy minus sell (raw shares).</summary>
    public long NetFlowRaw => BuyVolumeRaw - SellVolumeRaw;

    /// <summary>|buy - sell| / (buy + sell) in [0, 1] (a one-bucket VPIN); 0 with no volume.</summary>
    public double Imbalance
    {
        get
        {
            var total = BuyVolumeRaw + SellVolumeRaw;
            return total == 0 ? 0 : Math.Abs((double)(BuyVolumeRaw - SellVolumeRaw)) / total;
        }
    }

    /// <summary>Trade intensity: trades per minute over the window.</summary>
    public double TradesPerMinute => TradeCount * 60_000.0 / _windowMs;

    /// <summary>Adds a trade; <paramref name="aggressorBuy"/> is the taker's side.</summary>
    public void Add(long timeMs, bool aggressorBuy, long sizeRaw)
    {
        Expire(timeMs);
        if (_head - _tail > _mask)
        {
            Drop();
        }

        var slot = (int)(_head & _mask);
        _time[slot] = timeMs;
        _buy[slot] = aggressorBuy ? sizeRaw : 0;
        _sell[slot] = aggressorBuy ? 0 : sizeRaw;
        BuyVolumeRaw += _buy[slot];
        SellVolumeRaw += _sell[slot];
        _head++;
    }

    /// <summary>Drops trades older than the window at <paramref name="nowMs"/>.</summary>
    public void Expire(long nowMs)
    {
        while (_tail < _head && _time[(int)(_tail & _mask)] <= nowMs - _windowMs)
        {
            Drop();
        }
    }

    private void Drop()
    {
        var slot = (int)(_tail & _mask);
        BuyVolumeRaw -= _buy[slot];
        SellVolumeRaw -= _sell[slot];
        _tail++;
    }
}
