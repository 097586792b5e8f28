namespace FastMaker.Venue.Scenarios;

/// <summary>
/// A venue scenario: markets, accounts, initial books, flow agents and scheduled events, all driven
/// from one seed. The JSON format is documented in SCENARIOS.md; load with <see cref="ScenarioLoader"/>.
/// </summary>
public sealed class Scenario
{
    /// <summary>The only format version this build reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Format version; must be <see cref="CurrentVersion"/>.</summary>
    public int Version { get; set; }

    /// <summary>Short name (the built-ins are "calm", "toxic-burst", "negrisk-event").</summary>
    public string Name { get; set; } = "";

    /// <summary>What the scenario exercises.</summary>
    public string Description { get; set; } = "";

    /// <summary>Seed of every random choice (fair-value walks, agents, settlement failures, derived ids).</summary>
    public ulong Seed { get; set; }

    /// <summary>Start time of a fake-time run (ISO 8601); real-time serving starts at the wall clock.</summary>
    public DateTimeOffset Start { get; set; } = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Step of the runner: agents and scheduled events are evaluated once per step.</summary>
    public int StepMilliseconds { get; set; } = 100;

    /// <summary>Settlement delays and failure rate.</summary>
    public SettlementSpec Settlement { get; set; } = new();

    /// <summary>Funding of addresses that create API keys.</summary>
    public FundingSpec FundNewAddresses { get; set; } = new();

    /// <summary>Events (groups of markets); a negRisk event binds several markets.</summary>
    public List<EventSpec> Events { get; set; } = new();

    /// <summary>The markets.</summary>
    public List<MarketSpec> Markets { get; set; } = new();

    /// <summary>Named accounts with starting balances.</summary>
    public List<AccountSpec> Accounts { get; set; } = new();

    /// <summary>Orders resting at the start.</summary>
    public List<InitialBookSpec> InitialBooks { get; set; } = new();

    /// <summary>Flow agents, stepped in this order.</summary>
    public List<AgentSpec> Agents { get; set; } = new();

    /// <summary>Scheduled events, by time offset from the start.</summary>
    public List<ScheduledEventSpec> Schedule { get; set; } = new();
}
