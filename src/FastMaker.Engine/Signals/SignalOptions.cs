namespace FastMaker.Engine.Signals;

/// <summary>Settings of the signal stage. Windows are in engine time (event receive times), never the wall clock.</summary>
public sealed class SignalOptions
{
    /// <summary>Levels per side of the unified book in the fair-value microprice (1 to 16). Default 3.</summary>
    public int FairValueLevels { get; init; } = 3;

    /// <summary>Markout horizons in ms (at most 8). Default 1 s, 10 s, 60 s, 300 s.</summary>
    public long[] MarkoutHorizonsMs { get; init; } = [1_000, 10_000, 60_000, 300_000];

    /// <summary>Trades awaiting their markouts, per token and per kind (market, own); a power of two. Default 256.</summary>
    public int MarkoutPendingCapacity { get; init; } = 256;

    /// <summary>Resolved markouts averaged per horizon (a rolling window by count); a power of two. Default 64.</summary>
    public int MarkoutWindow { get; init; } = 64;

    /// <summary>A horizon's average counts toward toxicity only after this many resolved markouts. Default 5.</summary>
    public int MarkoutMinSamples { get; init; } = 5;

    /// <summary>
    /// An average maker markout of minus this much (price units, raw 1e-6) makes the markout term of toxicity 1.
    /// Default 0.01 (one cent).
    /// </summary>
    public int ToxicMarkoutScaleRaw { get; init; } = 10_000;

    /// <summary>Window of the trade-flow and intensity signals, ms. Default 60 s.</summary>
    public long TradeWindowMs { get; init; } = 60_000;

    /// <summary>Trades kept per token inside the trade window; a power of two. Default 256.</summary>
    public int TradeWindowCapacity { get; init; } = 256;

    /// <summary>Trade-flow imbalance counts fully only from this many trades in the window (fewer scale it down). Default 10.</summary>
    public int FlowMinTrades { get; init; } = 10;

    /// <summary>Weight in [0, 1] of the aggressor-flow imbalance term in toxicity. Default 0.5.</summary>
    public double FlowWeight { get; init; } = 0.5;

    /// <summary>Window of the order-flow imbalance, ms. Default 10 s.</summary>
    public long OfiWindowMs { get; init; } = 10_000;

    /// <summary>Top-of-book events kept per token inside the OFI window; a power of two. Default 256.</summary>
    public int OfiWindowCapacity { get; init; } = 256;

    /// <summary>Throws with a precise message when a setting is out of range.</summary>
    public void Validate()
    {
        if (MarkoutHorizonsMs is null || MarkoutHorizonsMs.Length is 0 or > 8)
        {
            throw new ArgumentException("MarkoutHorizonsMs must hold 1 to 8 horizons");
        }

        foreach (var h in MarkoutHorizonsMs)
        {
            if (h <= 0)
            {
                throw new ArgumentException($"MarkoutHorizonsMs: every horizon must be positive, got {h}");
            }
        }

        if (FairValueLevels is < 1 or > 16)
        {
            throw new ArgumentException($"FairValueLevels must be in [1, 16], got {FairValueLevels}");
        }

        RequirePowerOfTwo(MarkoutPendingCapacity, nameof(MarkoutPendingCapacity));
        RequirePowerOfTwo(MarkoutWindow, nameof(MarkoutWindow));
        RequirePowerOfTwo(TradeWindowCapacity, nameof(TradeWindowCapacity));
        RequirePowerOfTwo(OfiWindowCapacity, nameof(OfiWindowCapacity));
        if (MarkoutMinSamples < 1 || MarkoutMinSamples > MarkoutWindow)
        {
            throw new ArgumentException($"MarkoutMinSamples must be in [1, MarkoutWindow={MarkoutWindow}], got {MarkoutMinSamples}");
        }

        if (ToxicMarkoutScaleRaw <= 0)
        {
            throw new ArgumentException($"ToxicMarkoutScaleRaw must be positive, got {ToxicMarkoutScaleRaw}");
        }

        if (TradeWindowMs <= 0 || OfiWindowMs <= 0)
        {
            throw new ArgumentException("TradeWindowMs and OfiWindowMs must be positive");
        }

        if (FlowMinTrades < 1)
        {
            throw new ArgumentException($"FlowMinTrades must be at least 1, got {FlowMinTrades}");
        }

        if (!(FlowWeight >= 0 && FlowWeight <= 1))
        {
            throw new ArgumentException($"FlowWeight must be in [0, 1], got {FlowWeight}");
        }
    }

    private static void RequirePowerOfTwo(int value, string name)
    {
        if (value < 1 || (value & (value - 1)) != 0)
        {
            throw new ArgumentException($"{name} must be a power of 2, got {value}");
        }
    }
}
