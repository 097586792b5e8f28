using System.Buffers;
using System.Diagnostics;
using FastMaker.Engine;
using FastMaker.Engine.Budget;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Store;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Replay;
using FastMaker.Engine.Signing;
using FastMaker.Paper.FillModel;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Parsing;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Paper.Execution;

/// <summary>
/// The replay backtest: the engine, the gate, the signer and the paper venue over a capture, on the calling thread,
/// as fast as the machine allows, with time taken only from the frames. Nothing is sent. Orders are signed with a
/// public, throwaway test key (Anvil's first account): signing is part of the engine path being measured, and no
/// real key is ever needed or read.
/// </summary>
public static class PaperReplay
{
    // Anvil's first account: a published test key, never funded on a real chain. Replay signs nothing that is sent.
    private static readonly byte[] ThrowawayKey = Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    /// <summary>
    /// Loads a capture (and markets from a Gamma JSON file when given, else from the frames), replays it through the
    /// engine against the paper venue, and writes the store when <see cref="PaperReplayOptions.StorePath"/> is set.
    /// Bad files throw <see cref="InvalidDataException"/>, <see cref="FileNotFoundException"/> or <see cref="ArgumentException"/>.
    /// </summary>
    public static PaperReplayResult RunFile(PaperReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.CapturePath)) throw new ArgumentException("--paper needs --capture FILE");
        if (!File.Exists(options.CapturePath)) throw new FileNotFoundException("capture file not found: " + options.CapturePath, options.CapturePath);
        var warnings = new List<string>();
        var frames = CaptureFrames.ReadFile(options.CapturePath, out var truncated);
        if (truncated is not null) warnings.Add(truncated);
        var registry = new MarketRegistry();
        if (options.MarketsPath is not null)
        {
            if (!File.Exists(options.MarketsPath)) throw new FileNotFoundException("markets file not found: " + options.MarketsPath, options.MarketsPath);
            warnings.AddRange(ReplayMarkets.LoadGamma(File.ReadAllText(options.MarketsPath), registry));
        }
        else
        {
            warnings.AddRange(ReplayMarkets.DiscoverFromFrames(frames, registry));
        }

        return Run(frames, registry, options, warnings);
    }

    /// <summary>Replays <paramref name="frames"/> (receive order) over <paramref name="registry"/> against the paper venue.</summary>
    public static PaperReplayResult Run(IReadOnlyList<ReplayFrame> frames, MarketRegistry registry, PaperReplayOptions options, List<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        warnings ??= new List<string>();
        var parameters = options.Parameters ?? new PaperFillParameters();
        parameters.Validate();

        var engine = new EngineCore(registry, options.EngineOptions ?? new EngineOptions(), null, null, options.Signals, options.Quote);
        engine.Positions.SetCollateral(Amount.FromRaw(options.CollateralRaw));
        var lookup = new TrackedOrderLookup(engine.Orders);
        engine.Quotes.LiveOrders ??= lookup;
        engine.Quotes.Inventory ??= new PositionShares(engine.Positions);
        using var signer = new EthSigner(ThrowawayKey);
        var builder = new OrderBuilder(signer, ExchangeDomain.Polygon, SignatureType.Eoa, null, "00000000-0000-0000-0000-00000000beef");
        using var sign = new SignStage(builder, null, SigningMode.Deterministic, parameters.Seed, 1024);
        var paper = new PaperExecution(registry, parameters, () => engine.NowMs, sign.Pool);
        var gate = new ExecutionGate(registry, engine.Risk, lookup, new MutationBudget(options.Budget ?? MutationBudgetOptions.Production, Math.Max(16, registry.MarketCount)), sign, paper);
        engine.AttachGate(gate);
        var session = new PaperSession(engine, paper) { Lookup = lookup, DriveGate = true };

        // With a store: the live engine's feed as the observer (marks, orders, positions as they change, fills simulated).
        using var store = options.StorePath is null ? null : SqliteStore.Open(options.StorePath);
        using var storeWriter = store is null ? null : new StoreWriter(store);
        var feed = storeWriter is null ? null : new StoreFeed(storeWriter, simulated: true, options.MarkIntervalMs);
        engine.Observer = feed;

        var errors = new long[3]; // frame errors, market trades, market traded shares (raw)
        var target = new SessionTarget(session, errors);
        var translator = new FrameTranslator<SessionTarget>(target);
        var marketParser = new MarketChannelParser();
        if (options.HousekeepingIntervalMs <= 0) throw new ArgumentException("HousekeepingIntervalMs must be positive, got " + options.HousekeepingIntervalMs);
        long firstMs = frames.Count > 0 ? frames[0].ReceiveMs : 0;
        long endMs = frames.Count > 0 ? frames[^1].ReceiveMs : 0;
        var clock = Stopwatch.StartNew();
        if (options.AssumeOpenMarkets && registry.MarketCount > 0)
        {
            warnings.Add("market metadata assumed (--assume-open): open and accepting orders until 30 days after the capture, tick and min size from the books, taker fee rate 0 unless known");
            var refresh = new InboundEvent { Kind = InboundKind.MetadataRefresh, Channel = InboundChannel.Control, ReceiveMs = firstMs, FrameSequence = -2, Cold = AssumedMetadata(registry, firstMs, endMs) };
            session.OnEvent(ref refresh);
        }

        long nextTimer = firstMs;
        long lastMs = firstMs;
        for (int i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            while (nextTimer <= frame.ReceiveMs)
            {
                var timer = new InboundEvent { Kind = InboundKind.Timer, Channel = InboundChannel.Control, ReceiveMs = nextTimer, FrameSequence = -3 };
                timer.Payload.Timer = new TimerTick { Kind = TimerKind.Housekeeping, DueMs = nextTimer };
                session.OnEvent(ref timer);
                nextTimer += options.HousekeepingIntervalMs;
            }

            lastMs = Math.Max(lastMs, frame.ReceiveMs);
            if (frame.Channel == InboundChannel.User)
            {
                // A capture's own user channel is the real venue's: in paper mode our orders never reached it.
                continue;
            }

            translator.BeginFrame(frame.Channel, frame.ConnectionId, frame.ReceiveMs, i);
            marketParser.Parse(new ReadOnlySequence<byte>(frame.Frame), ref translator);
        }

        session.DeliverUpTo(lastMs);
        engine.Books.VerifyFrame();
        clock.Stop();

        int fillsStored = 0;
        long marks = 0;
        if (options.StorePath is not null)
        {
            feed!.WriteAll(engine);
            if (feed.LastGroup >= 0 && !storeWriter!.WaitForCommit(feed.LastGroup, TimeSpan.FromSeconds(30)))
            {
                throw new IOException("the paper store " + options.StorePath + " was not committed within 30 s");
            }

            marks = feed.MarksAppended;
            storeWriter!.Dispose();
            store!.Dispose();
            // The final, authoritative write: every simulated fill with the model's time and classification.
            fillsStored = PaperStoreWriter.Write(options.StorePath, engine, paper);
        }

        var market0 = registry.MarketCount > 0 ? registry.Market(0) : null;
        return new PaperReplayResult
        {
            Frames = frames.Count,
            CaptureSpanMs = lastMs - firstMs,
            ElapsedMs = clock.Elapsed.TotalMilliseconds,
            Posts = paper.PostsReceived,
            Cancels = paper.CancelsReceived,
            Fills = paper.Model.Fills,
            FilledShares = Quantity.FromRaw(paper.Model.FilledShares),
            PostOnlyRejects = paper.Model.PostOnlyRejects,
            GateApproved = gate.Stats.Approved,
            GateRejected = gate.Stats.Rejected,
            SimulatedInputs = session.InputsDelivered,
            FrameErrors = errors[0],
            MarketTrades = errors[1],
            MarketTradedShares = Quantity.FromRaw(errors[2]),
            Collateral = Amount.FromRaw(engine.Positions.Collateral),
            RealizedPnl = Amount.FromRaw(engine.Positions.RealizedPnl),
            FeesPaid = Amount.FromRaw(engine.Positions.FeesPaid),
            Markets = registry.MarketCount,
            FillsStored = fillsStored,
            MarksStored = marks,
            Parameters = parameters,
            Warnings = warnings,
            FirstMarketState = market0?.State.ToString() ?? "none",
        };
    }

    private static MetadataRefresh AssumedMetadata(MarketRegistry registry, long firstMs, long endMs)
    {
        var list = new List<MarketMetadata>(registry.MarketCount);
        for (int m = 0; m < registry.MarketCount; m++)
        {
            var market = registry.Market(m);
            list.Add(new MarketMetadata
            {
                ConditionId = market.ConditionId,
                YesToken = market.YesToken,
                NoToken = market.NoToken,
                Question = market.Question,
                Outcomes = market.Outcomes.Length == 2 ? market.Outcomes : ["Yes", "No"],
                Tick = market.Tick ?? TickSize.Hundredth,
                MinOrderSize = market.MinOrderSize ?? Quantity.FromRaw(5 * Quantity.Scale),
                TakerFeeRateBps = market.TakerFeeRateBps ?? 0,
                StartMs = firstMs - 86_400_000L,
                EndMs = endMs + (30 * 86_400_000L),
                AcceptingOrders = true,
                Closed = false,
                NegRisk = false,
            });
        }

        return new MetadataRefresh(list, [], isComplete: true);
    }

    private sealed class PositionShares(FastMaker.Engine.Positions.PositionBook positions) : FastMaker.Engine.Quoting.IInventorySource
    {
        public Quantity Position(int tokenIndex) => Quantity.FromRaw(Math.Max(0, positions.Shares(tokenIndex)));
    }

    /// <summary>Feeds the session one parsed event at a time.</summary>
    private struct SessionTarget : IInboundTarget
    {
        private readonly PaperSession _session;
        private readonly long[] _errors;
        private readonly InboundEvent[] _slot;

        public SessionTarget(PaperSession session, long[] errors)
        {
            _session = session;
            _errors = errors;
            _slot = new InboundEvent[1];
        }

        public ref InboundEvent Claim() => ref _slot[0];

        public void Commit()
        {
            ref var e = ref _slot[0];
            if (e.Kind == InboundKind.FrameError) _errors[0]++;
            else if (e.Kind == InboundKind.LastTradePrice)
            {
                _errors[1]++;
                _errors[2] += e.Payload.LastTrade.Size.Raw;
            }

            _session.OnEvent(ref e);
        }
    }
}
