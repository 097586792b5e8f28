using FastMaker.Cli.Live;
using FastMaker.Primitives;

namespace FastMaker.Cli.Paper;

/// <summary>Validated arguments of <c>fastmaker paper</c>.</summary>
public sealed class PaperSettings
{
    /// <summary>CLOB REST base; null (with the other two URLs) starts the embedded venue with <see cref="Scenario"/>.</summary>
    public Uri? ClobUrl { get; init; }

    /// <summary>WebSocket base (the market channel is /market under it); null with <see cref="ClobUrl"/>.</summary>
    public Uri? WsUrl { get; init; }

    /// <summary>Gamma base; null with <see cref="ClobUrl"/>.</summary>
    public Uri? GammaUrl { get; init; }

    /// <summary>True when no URL was given: the embedded venue runs <see cref="Scenario"/> on loopback.</summary>
    public bool EmbeddedVenue => ClobUrl is null;

    /// <summary>The embedded venue's scenario: a built-in name or a scenario file (dates moved to now).</summary>
    public string Scenario { get; init; } = "calm";

    /// <summary>File holding the private key; null to use <see cref="KeyVariable"/> or, when that is unset, a throwaway key.</summary>
    public string? KeyFile { get; init; }

    /// <summary>True when the key comes from the <see cref="KeyVariable"/> environment variable.</summary>
    public bool KeyFromEnvironment { get; init; }

    /// <summary>The key's environment variable.</summary>
    public string KeyVariable { get; init; } = LiveArguments.KeyVariable;

    /// <summary>Chain id of the order signatures (the embedded venue's own when it runs).</summary>
    public long ChainId { get; init; } = 137;

    /// <summary>The store to write; null writes a new one in a temporary folder (kept, its path printed).</summary>
    public string? StorePath { get; init; }

    /// <summary>Seconds of quoting before the clean stop; 0 runs until SIGINT or SIGTERM.</summary>
    public int Seconds { get; init; }

    /// <summary>Condition ids to quote; empty for every open market Gamma lists.</summary>
    public IReadOnlyList<string> Markets { get; init; } = [];

    /// <summary>Quote and budget profile.</summary>
    public LiveProfile Profile { get; init; } = LiveProfile.Conservative;

    /// <summary>Where to write the final summary as JSON, or null.</summary>
    public string? JsonPath { get; init; }

    /// <summary>The fill model's seed.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The fill model's cancel credit (0: nobody ahead of us is assumed to cancel).</summary>
    public double CancelCredit { get; init; }

    /// <summary>The paper account's starting collateral.</summary>
    public Amount Collateral { get; init; } = Amount.FromRaw(1_000 * Amount.Scale);
}
