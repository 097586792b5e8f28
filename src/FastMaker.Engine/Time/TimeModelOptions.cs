namespace FastMaker.Engine.Time;

/// <summary>The three clocks' margins, in integer milliseconds (no floating "hours to expiry" anywhere).</summary>
public sealed class TimeModelOptions
{
    /// <summary>Trading clock: within this long before the end date the market is in WindDown (only reducing orders). Default 30 min.</summary>
    public long WindDownMs { get; init; } = 30 * 60_000;

    /// <summary>Trading clock: over this long before WindDown starts, quote sizes taper linearly from full to zero. Default 2 h.</summary>
    public long SizeTaperMs { get; init; } = 2 * 3_600_000;

    /// <summary>Event clock: quotes are cancelled this long before a game (or event) start. Default 5 min.</summary>
    public long PreEventMarginMs { get; init; } = 5 * 60_000;

    /// <summary>Resolution clock: the UMA challenge period after a proposal. Default 2 h (PROTOCOL.md section 9).</summary>
    public long ChallengeWindowMs { get; init; } = 2 * 3_600_000;

    /// <summary>Throws when a margin is negative or the challenge window is not positive.</summary>
    public void Validate()
    {
        if (WindDownMs < 0 || SizeTaperMs < 0 || PreEventMarginMs < 0)
        {
            throw new ArgumentException("TimeModelOptions: WindDownMs, SizeTaperMs and PreEventMarginMs must not be negative");
        }

        if (ChallengeWindowMs <= 0)
        {
            throw new ArgumentException("TimeModelOptions: ChallengeWindowMs must be positive");
        }
    }
}
