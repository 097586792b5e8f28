using System.Globalization;
using FastMaker.Primitives;

namespace FastMaker.Venue.Scenarios;

/// <summary>Checks a parsed scenario; returns the first problem as "path: what is wrong", or null.</summary>
internal static class ScenarioValidator
{
    private static readonly string[] AgentTypes = ["noise", "informed", "maker"];
    private static readonly string[] EventTypes = ["jump", "tickSize", "close", "propose", "resolve", "gameStart", "acceptingOrders"];

    public static string? Validate(Scenario s)
    {
        if (s.Version != Scenario.CurrentVersion)
            return "version: " + s.Version.ToString(CultureInfo.InvariantCulture) + " is not supported (this build reads version " + Scenario.CurrentVersion + ")";
        if (string.IsNullOrWhiteSpace(s.Name))
            return "name: required";
        if (s.StepMilliseconds is < 1 or > 60_000)
            return "stepMilliseconds: must be within [1, 60000]";
        if (s.Settlement is null)
            return "settlement: must not be null";
        if (s.Settlement.MinedDelayMs < 0 || s.Settlement.ConfirmedDelayMs < 0)
            return "settlement: delays must not be negative";
        if (!(s.Settlement.FailureRate >= 0 && s.Settlement.FailureRate <= 1))
            return "settlement.failureRate: must be within [0, 1]";
        if (s.FundNewAddresses is null || s.FundNewAddresses.Collateral < 0)
            return "fundNewAddresses.collateral: must not be negative";
        if (s.Events is null || s.Markets is null || s.Accounts is null || s.InitialBooks is null || s.Agents is null || s.Schedule is null)
            return "events, markets, accounts, initialBooks, agents and schedule must be arrays, not null";

        var events = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < s.Events.Count; i++)
        {
            string p = "events[" + i + "]";
            if (string.IsNullOrWhiteSpace(s.Events[i].Id))
                return p + ".id: required";
            if (!events.Add(s.Events[i].Id))
                return p + ".id: '" + s.Events[i].Id + "' is used twice";
        }

        if (s.Markets.Count == 0)
            return "markets: at least one market is required";
        var markets = new Dictionary<string, MarketSpec>(StringComparer.Ordinal);
        for (int i = 0; i < s.Markets.Count; i++)
        {
            MarketSpec m = s.Markets[i];
            string p = "markets[" + i + "]";
            if (string.IsNullOrWhiteSpace(m.Id))
                return p + ".id: required";
            if (!markets.TryAdd(m.Id, m))
                return p + ".id: '" + m.Id + "' is used twice";
            if (string.IsNullOrWhiteSpace(m.Question))
                return p + ".question: required";
            if (!ScenarioLoader.TryTick(m.TickSize, out _))
                return p + ".tickSize: " + Text(m.TickSize) + " is not a tick size (0.1, 0.01, 0.005, 0.0025, 0.001, 0.0001)";
            if (m.MinOrderSize < 0 || !IsMicros(m.MinOrderSize))
                return p + ".minOrderSize: must be a non-negative number with at most 6 decimals";
            if (m.TakerFeeRate < 0 || m.TakerFeeRate > 1 || !IsMicros(m.TakerFeeRate))
                return p + ".takerFeeRate: must be within [0, 1] with at most 6 decimals";
            if (m.FeeExponent is < 0 or > 4)
                return p + ".feeExponent: must be within [0, 4]";
            if (m.Outcomes is null || m.Outcomes.Count != 2 || string.IsNullOrWhiteSpace(m.Outcomes[0]) || string.IsNullOrWhiteSpace(m.Outcomes[1]))
                return p + ".outcomes: exactly two non-empty names";
            if (m.EventId is not null && !events.Contains(m.EventId))
                return p + ".eventId: no event '" + m.EventId + "'";
            if (m.ConditionId is not null && !Hash32.TryParse(m.ConditionId, out _))
                return p + ".conditionId: '" + m.ConditionId + "' is not 0x + 64 hex digits";
            if (m.YesToken is not null && !UInt256.TryParse(m.YesToken, out _))
                return p + ".yesToken: '" + m.YesToken + "' is not a decimal uint256";
            if (m.NoToken is not null && !UInt256.TryParse(m.NoToken, out _))
                return p + ".noToken: '" + m.NoToken + "' is not a decimal uint256";
            if ((m.YesToken is null) != (m.NoToken is null))
                return p + ": give both yesToken and noToken, or neither";
            if (!(m.FairValue > 0 && m.FairValue < 1))
                return p + ".fairValue: must be strictly between 0 and 1";
            if (!(m.Volatility >= 0 && m.Volatility < 1))
                return p + ".volatility: must be within [0, 1)";
            if (m.RewardsMinSize < 0 || m.RewardsMaxSpread < 0)
                return p + ": rewards parameters must not be negative";
        }

        var accounts = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < s.Accounts.Count; i++)
        {
            AccountSpec a = s.Accounts[i];
            string p = "accounts[" + i + "]";
            if (string.IsNullOrWhiteSpace(a.Name))
                return p + ".name: required";
            if (!accounts.Add(a.Name))
                return p + ".name: '" + a.Name + "' is used twice";
            if (a.Address is not null && !EthAddress.TryParse(a.Address, out _))
                return p + ".address: '" + a.Address + "' is not 0x + 40 hex digits";
            if (a.Collateral < 0 || !IsMicros(a.Collateral))
                return p + ".collateral: must be a non-negative amount with at most 6 decimals";
            if (a.Tokens is null)
                return p + ".tokens: must be an object";
            foreach ((string key, decimal amount) in a.Tokens)
            {
                if (!TrySplitTokenKey(key, out string market, out _) || !markets.ContainsKey(market))
                    return p + ".tokens['" + key + "']: expected 'marketId:yes' or 'marketId:no' with a known market";
                if (amount < 0 || !IsMicros(amount))
                    return p + ".tokens['" + key + "']: must be a non-negative amount with at most 6 decimals";
            }
        }

        for (int i = 0; i < s.InitialBooks.Count; i++)
        {
            InitialBookSpec b = s.InitialBooks[i];
            string p = "initialBooks[" + i + "]";
            if (!markets.ContainsKey(b.Market ?? ""))
                return p + ".market: no market '" + b.Market + "'";
            if (b.Levels is < 1 or > 50 || b.HalfSpreadTicks < 1 || b.SpacingTicks < 1)
                return p + ": levels within [1, 50], halfSpreadTicks and spacingTicks at least 1";
            if (b.Size <= 0 || b.Size != decimal.Round(b.Size, 2))
                return p + ".size: must be positive with at most 2 decimals";
        }

        var agents = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < s.Agents.Count; i++)
        {
            AgentSpec a = s.Agents[i];
            string p = "agents[" + i + "]";
            if (Array.IndexOf(AgentTypes, a.Type) < 0)
                return p + ".type: '" + a.Type + "' is not one of noise, informed, maker";
            if (string.IsNullOrWhiteSpace(a.Name))
                return p + ".name: required";
            if (!agents.Add(a.Name))
                return p + ".name: '" + a.Name + "' is used twice";
            if (a.Markets is null)
                return p + ".markets: must be an array";
            foreach (string m in a.Markets)
                if (!markets.ContainsKey(m))
                    return p + ".markets: no market '" + m + "'";
            if (a.Collateral < 0 || !IsMicros(a.Collateral))
                return p + ".collateral: must be a non-negative amount with at most 6 decimals";
            if (!(a.RatePerSecond >= 0 && a.RatePerSecond <= 1000))
                return p + ".ratePerSecond: must be within [0, 1000]";
            if (!(a.MarketOrderFraction >= 0 && a.MarketOrderFraction <= 1))
                return p + ".marketOrderFraction: must be within [0, 1]";
            if (a.MinSize <= 0 || a.MaxSize < a.MinSize || a.MinSize != decimal.Round(a.MinSize, 2) || a.MaxSize != decimal.Round(a.MaxSize, 2))
                return p + ": need 0 < minSize <= maxSize, with at most 2 decimals";
            if (a.MaxDistanceTicks < 0 || a.MaxOpenOrders < 1 || a.HalfSpreadTicks < 1 || a.Levels is < 1 or > 20)
                return p + ": maxDistanceTicks >= 0, maxOpenOrders >= 1, halfSpreadTicks >= 1, levels within [1, 20]";
            if (!(a.LeadSeconds >= 0) || !(a.RefreshSeconds > 0))
                return p + ": leadSeconds >= 0 and refreshSeconds > 0";
        }

        for (int i = 0; i < s.Schedule.Count; i++)
        {
            ScheduledEventSpec e = s.Schedule[i];
            string p = "schedule[" + i + "]";
            if (!(e.At >= 0))
                return p + ".at: must be >= 0 seconds";
            if (Array.IndexOf(EventTypes, e.Type) < 0)
                return p + ".type: '" + e.Type + "' is not one of " + string.Join(", ", EventTypes);
            if (!markets.TryGetValue(e.Market ?? "", out MarketSpec? market))
                return p + ".market: no market '" + e.Market + "'";
            switch (e.Type)
            {
                case "jump":
                    if (e.To is null == (e.By is null))
                        return p + ": a jump needs exactly one of 'to' and 'by'";
                    if (e.To is { } to && !(to > 0 && to < 1))
                        return p + ".to: must be strictly between 0 and 1";
                    break;
                case "tickSize":
                    if (e.TickSize is not { } t || !ScenarioLoader.TryTick(t, out _))
                        return p + ".tickSize: a valid tick size is required";
                    break;
                case "propose":
                case "resolve":
                    if (OutcomeIndex(market, e.Outcome) < 0)
                        return p + ".outcome: must name one of the market's outcomes (" + string.Join(", ", market.Outcomes) + ")";
                    break;
                case "acceptingOrders":
                    if (e.Accepting is null)
                        return p + ".accepting: required (true or false)";
                    break;
            }
        }
        return null;
    }

    internal static int OutcomeIndex(MarketSpec market, string? outcome)
    {
        if (outcome is null)
            return -1;
        for (int i = 0; i < market.Outcomes.Count; i++)
            if (string.Equals(market.Outcomes[i], outcome, StringComparison.OrdinalIgnoreCase))
                return i;
        if (string.Equals(outcome, "yes", StringComparison.OrdinalIgnoreCase))
            return 0;
        return string.Equals(outcome, "no", StringComparison.OrdinalIgnoreCase) ? 1 : -1;
    }

    internal static bool TrySplitTokenKey(string key, out string market, out int outcome)
    {
        market = "";
        outcome = -1;
        int colon = key.LastIndexOf(':');
        if (colon <= 0)
            return false;
        market = key[..colon];
        string side = key[(colon + 1)..];
        outcome = string.Equals(side, "yes", StringComparison.OrdinalIgnoreCase) ? 0
            : string.Equals(side, "no", StringComparison.OrdinalIgnoreCase) ? 1 : -1;
        return outcome >= 0;
    }

    private static bool IsMicros(decimal value) => value * 1_000_000m == decimal.Truncate(value * 1_000_000m) && value < 1_000_000_000_000m;

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
