using FastMaker.Engine.Budget;
using FastMaker.Engine.Execution;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Quoting;
using FastMaker.Engine.Signals;
using FastMaker.Engine.Signing;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;
using Microsoft.Extensions.Logging;

namespace FastMaker.Engine.Hosting;

/// <summary>
/// Everything <see cref="LiveEngineHost"/> needs to run the engine live against a venue (Polymarket, or the embedded
/// Venue on loopback). The private key comes from <see cref="PrivateKeyFile"/> or the <see cref="PrivateKeyVariable"/>
/// environment variable; <see cref="SignerFactory"/> exists for tests and the demo's throwaway key only.
/// </summary>
public sealed class LiveEngineOptions
{
    /// <summary>CLOB REST base address.</summary>
    public required Uri ClobUrl { get; init; }

    /// <summary>Market channel WebSocket address (…/ws/market).</summary>
    public required Uri MarketWsUrl { get; init; }

    /// <summary>User channel WebSocket address (…/ws/user).</summary>
    public required Uri UserWsUrl { get; init; }

    /// <summary>Gamma metadata API base address.</summary>
    public required Uri GammaUrl { get; init; }

    /// <summary>File holding the private key (hex); read once, never logged. Takes precedence over the variable.</summary>
    public string? PrivateKeyFile { get; init; }

    /// <summary>Environment variable holding the private key (hex) when no file is given. Default FASTMAKER_PRIVATE_KEY.</summary>
    public string PrivateKeyVariable { get; init; } = SigningOptions.DefaultPrivateKeyVariable;

    /// <summary>Builds the signer directly (tests, and the demo's generated throwaway key); overrides the file and variable.</summary>
    public Func<NoncePool?, EthSigner>? SignerFactory { get; init; }

    /// <summary>The funder (proxy or Safe) address for non-EOA signature types; null for EOA.</summary>
    public EthAddress? Funder { get; init; }

    /// <summary>Signature type of our orders. Default EOA.</summary>
    public SignatureType SignatureType { get; init; } = SignatureType.Eoa;

    /// <summary>Chain id of L1 auth and order signatures. Default 137 (Polygon).</summary>
    public long ChainId { get; init; } = 137;

    /// <summary>Order format. Default V2.</summary>
    public OrderVersion OrderVersion { get; init; } = OrderVersion.V2;

    /// <summary>Fast (nonce pool) or deterministic ECDSA. Default fast.</summary>
    public SigningMode SigningMode { get; init; } = SigningMode.Fast;

    /// <summary>Markets to quote, by condition id; null or empty: every open market Gamma lists (first page, 100).</summary>
    public IReadOnlyList<string>? ConditionIds { get; init; }

    /// <summary>SQLite store path; null runs without a durable store.</summary>
    public string? StorePath { get; init; }

    /// <summary>
    /// Paper trading: the venue is used for market data only (Gamma and the CLOB's public metadata, the market channel).
    /// No API key is created (local throwaway L2 credentials sign the requests, so the path costs what live costs), no
    /// balance, order, trade or heartbeat endpoint is called, there is no user channel, no start-up recovery or
    /// reconciliation, and the store is written with every fill marked simulated. The sender must then be a simulated
    /// venue (it may also be the pipeline's <see cref="IEngineEventRoute"/>). Default false.
    /// </summary>
    public bool PaperTrading { get; init; }

    /// <summary>The collateral a paper run starts with (the venue's balance is not read). Default 1,000 USDC.</summary>
    public Amount PaperCollateral { get; init; } = Amount.FromRaw(1_000 * Amount.Scale);

    /// <summary>Builds the sender of signed requests (required): the HTTP sender live, a paper model or a test double.</summary>
    public required Func<SenderContext, ISignedRequestSink> SenderFactory { get; init; }

    /// <summary>Engine settings (caps, capacities, time model).</summary>
    public EngineOptions Engine { get; init; } = new();

    /// <summary>Quote settings; null for the defaults.</summary>
    public QuoteOptions? Quote { get; init; }

    /// <summary>Signal settings; null for the defaults.</summary>
    public SignalOptions? Signals { get; init; }

    /// <summary>Gate settings; null for the defaults.</summary>
    public GateOptions? Gate { get; init; }

    /// <summary>Mutation budget. Default <see cref="MutationBudgetOptions.Conservative"/> (the audit's 30 s per-market cooldown).</summary>
    public MutationBudgetOptions Budget { get; init; } = MutationBudgetOptions.Conservative;

    /// <summary>Pipeline topology. Default: blocking engine wait, hybrid ingress (shared machine).</summary>
    public PipelineOptions Pipeline { get; init; } = new();

    /// <summary>Housekeeping timer period (market states, staleness, quotes). Default 250 ms.</summary>
    public TimeSpan HousekeepingInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Metadata refresh period. Default 10 minutes.</summary>
    public TimeSpan MetadataRefreshInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Reconciliation period after the start-up one, in seconds. Default 60.</summary>
    public int ReconcileIntervalSeconds { get; init; } = 60;

    /// <summary>
    /// Orders created within this many ms before a reconciliation snapshot are not judged missing by it: their POST may
    /// still be in flight. Default 3000.
    /// </summary>
    public long ReconcileInFlightGraceMs { get; init; } = 3_000;

    /// <summary>Adopt open venue orders we do not know (true) or report them (false, default).</summary>
    public bool AdoptUnknownOrders { get; init; }

    /// <summary>Venue heartbeat (dead-man switch) settings.</summary>
    public VenueHeartbeatOptions Heartbeat { get; init; } = new();

    /// <summary>How long <see cref="LiveEngineHost.StopAsync"/> waits for cancel-all replies before it stops anyway. Default 5 s.</summary>
    public TimeSpan StopDrainTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// True (default): <see cref="LiveEngineHost.StopAsync"/> trips the kill switch and waits for the cancels. False: the
    /// host stops without cancelling anything and leaves our orders resting at the venue, as a crash would (restart
    /// tests; the venue heartbeat's dead-man switch still applies).
    /// </summary>
    public bool CancelAllOnStop { get; init; } = true;

    /// <summary>
    /// After an unclean stop, cancel our orders the venue still rests (default) instead of adopting them with the venue's
    /// matched size and their reservations rebuilt before quoting. Adoption once counted a fill made while the engine was
    /// down twice (the fill recovery stored was not restored into the tracker; fixed, see AcceptanceRestartTests), but a
    /// fill of an adopted order between the recovery and the user channel's subscription is seen only if one of its trade
    /// statuses arrives after the subscription, so the default still quotes afresh.
    /// </summary>
    public bool CancelRestingOrdersOnRecovery { get; init; } = true;

    /// <summary>An extra observer called on the engine thread after the store feed and the summary (tests); null for none.</summary>
    public IEngineObserver? Observer { get; init; }

    /// <summary>The clock of timers, WebSockets and REST. Default the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Cold-path logging; null for none.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Journals every raw frame and control input the pipeline publishes (a capture for replay), or null. The caller owns and disposes it after the host.</summary>
    public FastMaker.Engine.Journal.FrameJournal? Journal { get; init; }
}
