namespace FastMaker.Engine;

/// <summary>Engine settings that do not belong to one stage's own options.</summary>
public sealed class EngineOptions
{
    /// <summary>A book with no update for this long (ms) is stale: quotes are pulled until it updates. Default 30 s.</summary>
    public long StaleAfterMs { get; init; } = 30_000;
}
