using FastMaker.Polymarket.Orders;
using FastMaker.Primitives;

namespace FastMaker.Cli.Live;

/// <summary>The validated arguments of <c>fastmaker live</c>. Holds where the key is, never the key itself.</summary>
public sealed class LiveSettings
{
    /// <summary>CLOB REST base address.</summary>
    public required Uri ClobUrl { get; init; }

    /// <summary>WebSocket base address; the market and user channels are <c>/market</c> and <c>/user</c> under it.</summary>
    public required Uri WsUrl { get; init; }

    /// <summary>Gamma metadata API base address.</summary>
    public required Uri GammaUrl { get; init; }

    /// <summary>File holding the private key (hex), or null to read <see cref="KeyVariable"/>.</summary>
    public string? KeyFile { get; init; }

    /// <summary>Environment variable holding the private key when no file is given.</summary>
    public string KeyVariable { get; init; } = LiveArguments.KeyVariable;

    /// <summary>Funder (proxy or Safe) address for non-EOA signature types.</summary>
    public EthAddress? Funder { get; init; }

    /// <summary>Signature type of our orders.</summary>
    public SignatureType SignatureType { get; init; } = SignatureType.Eoa;

    /// <summary>Chain id of L1 auth and order signatures.</summary>
    public long ChainId { get; init; } = 137;

    /// <summary>SQLite store path, or null to run without a durable store.</summary>
    public string? StorePath { get; init; }

    /// <summary>Seconds of quoting before the clean stop; 0 runs until SIGINT or SIGTERM.</summary>
    public int Seconds { get; init; }

    /// <summary>Markets to quote by condition id; empty: every open market Gamma lists.</summary>
    public IReadOnlyList<string> Markets { get; init; } = [];

    /// <summary>Quote and budget profile.</summary>
    public LiveProfile Profile { get; init; } = LiveProfile.Conservative;

    /// <summary>File for the final summary as one JSON object, or null.</summary>
    public string? JsonPath { get; init; }

    /// <summary>After an unclean stop, adopt our orders still resting at the venue instead of cancelling them (the default).</summary>
    public bool AdoptRestingOrders { get; init; }
}
