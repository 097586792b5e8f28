namespace FastMaker.Engine;

/// <summary>Engine settings that do not belong to one stage's own options.</summary>
public sealed class EngineOptions
{
    /// <summary>A book with no update for this long (ms) is stale: quotes are pulled until it updates. Default 30 s.</summary>
    public long StaleAfterMs { get; init; } = 30_000;

    /// <summary>The three clocks' margins (wind-down, size taper, pre-event, challenge window).</summary>
    public Time.TimeModelOptions TimeModel { get; init; } = new();
}
