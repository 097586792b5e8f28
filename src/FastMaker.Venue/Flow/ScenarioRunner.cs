using FastMaker.Primitives;
using FastMaker.Venue.Ledger;
using FastMaker.Venue.Matching;
using FastMaker.Venue.Scenarios;
using VenueLedger = FastMaker.Venue.Ledger.Ledger;

namespace FastMaker.Venue.Flow;

/// <summary>
/// Builds a venue from a <see cref="Scenario"/> (engine, ledger, markets, accounts, initial books,
/// agents) and drives it in fixed steps. Each step, in this order: scheduled events that are due (in
/// file order), every market's fair-value walk, every agent (in file order), then the engine's due
/// timers. With a <see cref="SteppedTimeProvider"/> the runner moves the clock to each step's time,
/// so the same seed and inputs give the same event stream; with real time it catches up to the wall clock.
/// </summary>
public sealed class ScenarioRunner
{
    private readonly List<(DateTimeOffset At, ScheduledEventSpec Spec)> _schedule = new();
    private readonly Dictionary<string, FlowMarket> _marketsById = new(StringComparer.Ordinal);
    private readonly List<FlowMarket> _markets = new();
    private readonly List<FlowAgent> _agents = new();
    private readonly FlowContext _context;
    private readonly TimeSpan _step;
    private int _nextScheduled;
    private long _stepIndex;

    private ScenarioRunner(Scenario scenario, TimeProvider time, IExchangeEvents? events)
    {
        Scenario = scenario;
        Time = time;
        _step = TimeSpan.FromMilliseconds(scenario.StepMilliseconds);
        Origin = time is SteppedTimeProvider ? scenario.Start : time.GetUtcNow();
        if (time is SteppedTimeProvider stepped && stepped.GetUtcNow() < Origin)
            stepped.SetTo(Origin);

        Ledger = new VenueLedger(new LedgerOptions
        {
            FundNewAddresses = scenario.FundNewAddresses.Enabled,
            NewAddressCollateral = Amount.FromRaw(Micros(scenario.FundNewAddresses.Collateral)),
        });
        Engine = new MatchingEngine(Ledger, time, events, new EngineOptions
        {
            Seed = DeterministicRandom.Derive(scenario.Seed, "engine"),
            MinedDelay = TimeSpan.FromMilliseconds(scenario.Settlement.MinedDelayMs),
            ConfirmedDelay = TimeSpan.FromMilliseconds(scenario.Settlement.ConfirmedDelayMs),
            SettlementFailureRate = scenario.Settlement.FailureRate,
        });
        _context = new FlowContext(Engine, _markets, _step);
        BuildMarkets();
        FundAccounts();
        BuildAgents();
        PlaceInitialBooks();
        foreach (ScheduledEventSpec e in scenario.Schedule)
            _schedule.Add((Origin + TimeSpan.FromSeconds(e.At), e));
        // Stable sort by time keeps file order for events at the same time.
        var ordered = new List<(DateTimeOffset, ScheduledEventSpec)>(_schedule.Count);
        foreach (var item in _schedule.Select((e, i) => (e, i)).OrderBy(x => x.e.At).ThenBy(x => x.i))
            ordered.Add(item.e);
        _schedule.Clear();
        _schedule.AddRange(ordered);
    }

    /// <summary>Builds the venue for <paramref name="scenario"/> on clock <paramref name="time"/>.</summary>
    public static ScenarioRunner Create(Scenario scenario, TimeProvider time, IExchangeEvents? events = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(time);
        string? error = ScenarioValidator.Validate(scenario);
        if (error is not null)
            throw new ScenarioException("scenario '" + scenario.Name + "': " + error);
        return new ScenarioRunner(scenario, time, events);
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Time of step 0.</summary>
    public DateTimeOffset Origin { get; }

    /// <summary>The engine the venue serves.</summary>
    public MatchingEngine Engine { get; }

    /// <summary>The balances.</summary>
    public VenueLedger Ledger { get; }

    /// <summary>Markets with their fair values, in scenario order.</summary>
    public IReadOnlyList<FlowMarket> Markets => _markets;

    /// <summary>Agents, in stepping order.</summary>
    public IReadOnlyList<FlowAgent> Agents => _agents;

    /// <summary>Time of the last step run.</summary>
    public DateTimeOffset Now => Origin + _step * _stepIndex;

    /// <summary>A market by its scenario id.</summary>
    public FlowMarket Market(string id) => _marketsById[id];

    /// <summary>Runs every step whose time is at or before <paramref name="until"/>.</summary>
    public void RunUntil(DateTimeOffset until)
    {
        var stepped = Time as SteppedTimeProvider;
        while (Origin + _step * (_stepIndex + 1) <= until)
        {
            _stepIndex++;
            DateTimeOffset now = Origin + _step * _stepIndex;
            if (stepped is not null)
                stepped.SetTo(now);
            RunStep(now);
        }
    }

    /// <summary>Runs <paramref name="duration"/> of scenario time (fake-time runs).</summary>
    public void RunFor(TimeSpan duration) => RunUntil(Now + duration);

    private void RunStep(DateTimeOffset now)
    {
        while (_nextScheduled < _schedule.Count && _schedule[_nextScheduled].At <= now)
            Apply(_schedule[_nextScheduled++].Spec);
        foreach (FlowMarket m in _markets)
            m.Walk(_step);
        foreach (FlowAgent agent in _agents)
            agent.Step(_context, now);
        Engine.ProcessDue();
    }

    private void Apply(ScheduledEventSpec e)
    {
        FlowMarket market = _marketsById[e.Market];
        Hash32 condition = market.Market.ConditionId;
        MarketSpec spec = Scenario.Markets.Find(m => m.Id == e.Market)!;
        switch (e.Type)
        {
            case "jump":
                market.SetFairValue(e.To ?? market.FairValue + e.By!.Value);
                break;
            case "tickSize":
                ScenarioLoader.TryTick(e.TickSize!.Value, out TickSize tick);
                Engine.SetTickSize(condition, tick);
                break;
            case "close":
                Engine.CloseMarket(condition);
                break;
            case "propose":
                Engine.ProposeResolution(condition, ScenarioValidator.OutcomeIndex(spec, e.Outcome));
                break;
            case "resolve":
                Engine.Resolve(condition, ScenarioValidator.OutcomeIndex(spec, e.Outcome));
                break;
            case "gameStart":
                Engine.StartGame(condition);
                break;
            case "acceptingOrders":
                Engine.SetAcceptingOrders(condition, e.Accepting!.Value);
                break;
        }
    }

    private void BuildMarkets()
    {
        var negRiskIds = new Dictionary<string, Hash32>(StringComparer.Ordinal);
        foreach (EventSpec ev in Scenario.Events)
            if (ev.NegRisk)
                negRiskIds[ev.Id] = DeriveHash("negrisk:" + ev.Id);
        foreach (MarketSpec spec in Scenario.Markets)
        {
            ScenarioLoader.TryTick(spec.TickSize, out TickSize tick);
            bool negRisk = spec.EventId is not null && negRiskIds.ContainsKey(spec.EventId);
            var market = new VenueMarket
            {
                ConditionId = spec.ConditionId is null ? DeriveHash("condition:" + spec.Id) : Hash32.Parse(spec.ConditionId),
                Question = spec.Question,
                Slug = spec.Id,
                YesToken = spec.YesToken is null ? DeriveToken("yes:" + spec.Id) : UInt256.Parse(spec.YesToken),
                NoToken = spec.NoToken is null ? DeriveToken("no:" + spec.Id) : UInt256.Parse(spec.NoToken),
                Outcomes = [spec.Outcomes[0], spec.Outcomes[1]],
                TickSize = tick,
                MinOrderSize = Quantity.FromRaw(Micros(spec.MinOrderSize)),
                TakerFeeRatePpm = (int)Micros(spec.TakerFeeRate),
                TakerFeeExponent = spec.FeeExponent,
                NegRisk = negRisk,
                NegRiskMarketId = negRisk ? negRiskIds[spec.EventId!] : Hash32.Zero,
                EventId = spec.EventId ?? "",
                EndDate = spec.EndDate,
                GameStart = spec.GameStart,
                ClearBookOnStart = spec.ClearBookOnStart,
                RewardsMinSize = Quantity.FromRaw(Micros(spec.RewardsMinSize)),
                RewardsMaxSpreadCents = spec.RewardsMaxSpread,
            };
            Engine.AddMarket(market);
            var flow = new FlowMarket(spec.Id, market, spec.FairValue, spec.Volatility, DeterministicRandom.Derive(Scenario.Seed, "fair:" + spec.Id));
            _markets.Add(flow);
            _marketsById.Add(spec.Id, flow);
        }
    }

    private void FundAccounts()
    {
        foreach (AccountSpec a in Scenario.Accounts)
        {
            EthAddress address = AddressOfAccount(a);
            Ledger.Deposit(address, Amount.FromRaw(Micros(a.Collateral)));
            foreach ((string key, decimal amount) in a.Tokens)
            {
                ScenarioValidator.TrySplitTokenKey(key, out string marketId, out int outcome);
                Ledger.DepositTokens(address, _marketsById[marketId].Market.TokenOf(outcome), Quantity.FromRaw(Micros(amount)));
            }
        }
    }

    /// <summary>The address of a scenario account (explicit, or derived from the seed and its name).</summary>
    public EthAddress AddressOfAccount(AccountSpec account) =>
        account.Address is null ? DeriveAddress("account:" + account.Name) : EthAddress.Parse(account.Address);

    private void BuildAgents()
    {
        var jumps = new List<ScheduledJump>();
        foreach (ScheduledEventSpec e in Scenario.Schedule)
            if (e.Type == "jump")
                jumps.Add(new ScheduledJump(_marketsById[e.Market], Origin + TimeSpan.FromSeconds(e.At), e.To, e.By));

        foreach (AgentSpec spec in Scenario.Agents)
        {
            var markets = new List<FlowMarket>();
            if (spec.Markets.Count == 0)
                markets.AddRange(_markets);
            else
                foreach (string id in spec.Markets)
                    markets.Add(_marketsById[id]);
            EthAddress address = DeriveAddress("agent:" + spec.Name);
            Ledger.Deposit(address, Amount.FromRaw(Micros(spec.Collateral)));
            ulong seed = DeterministicRandom.Derive(Scenario.Seed, "agent:" + spec.Name);
            FlowAgent agent = spec.Type switch
            {
                "noise" => new NoiseTrader(spec, address, markets, seed, Origin),
                "informed" => new InformedTrader(spec, address, markets, seed, jumps.FindAll(j => markets.Contains(j.Market))),
                _ => new QuotingMaker(spec, address, markets, seed, Origin),
            };
            _agents.Add(agent);
        }
    }

    private void PlaceInitialBooks()
    {
        int n = 0;
        foreach (InitialBookSpec book in Scenario.InitialBooks)
        {
            FlowMarket market = _marketsById[book.Market];
            EthAddress address = DeriveAddress("seed-book:" + n);
            string owner = "seed-book:" + n;
            n++;
            long size = Micros(book.Size);
            Ledger.Deposit(address, Amount.FromRaw(2 * book.Levels * size));
            TickSize tick = market.Market.TickSize;
            int t = tick.Value.Raw;
            int center = FlowContext.RoundToTick(market.FairValue, tick);
            for (int level = 0; level < book.Levels; level++)
            {
                int distance = (book.HalfSpreadTicks + level * book.SpacingTicks) * t;
                if (center - distance >= t)
                    SubmitSeed(owner, address, market.Market.YesToken, center - distance, size, n * 1000 + 2 * level);
                if (center + distance <= Price.Scale - t)
                    SubmitSeed(owner, address, market.Market.NoToken, Price.Scale - (center + distance), size, n * 1000 + 2 * level + 1);
            }
        }
    }

    private void SubmitSeed(string owner, EthAddress address, UInt256 token, int price, long size, int index)
    {
        var request = new OrderRequest
        {
            OrderId = DeriveHash("seed-order:" + index),
            Owner = owner,
            Maker = address,
            Signer = address,
            Token = token,
            Side = Side.Buy,
            MakerAmount = (long)((UInt128)(ulong)size * (ulong)price / Price.Scale),
            TakerAmount = size,
            Type = OrderType.Gtc,
            TimestampMs = Origin.ToUnixTimeMilliseconds(),
        };
        Engine.Submit(request);
    }

    private Hash32 DeriveHash(string label)
    {
        Span<byte> bytes = stackalloc byte[32];
        var random = new DeterministicRandom(DeterministicRandom.Derive(Scenario.Seed, label));
        for (int i = 0; i < 4; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[(i * 8)..], random.NextUInt64());
        return Hash32.FromBytes(bytes);
    }

    private UInt256 DeriveToken(string label)
    {
        var random = new DeterministicRandom(DeterministicRandom.Derive(Scenario.Seed, label));
        // Real token ids are keccak-derived ~77-digit numbers; any uint256 works, so derive one from the seed.
        return new UInt256(random.NextUInt64(), random.NextUInt64(), random.NextUInt64(), random.NextUInt64() >> 4);
    }

    private EthAddress DeriveAddress(string label)
    {
        Span<byte> bytes = stackalloc byte[24];
        var random = new DeterministicRandom(DeterministicRandom.Derive(Scenario.Seed, label));
        for (int i = 0; i < 3; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[(i * 8)..], random.NextUInt64());
        return EthAddress.FromBytes(bytes[..20]);
    }

    private static long Micros(decimal value) => (long)(value * 1_000_000m);
}
