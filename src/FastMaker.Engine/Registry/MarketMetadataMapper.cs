using System.Globalization;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Polymarket.Rest.Gamma;
using FastMaker.Primitives;

namespace FastMaker.Engine.Registry;

/// <summary>
/// Maps Gamma markets and CLOB <c>/clob-markets/{conditionId}</c> details into <see cref="MarketMetadata"/> (PROTOCOL.md
/// sections 4.3, 7, 8.3, 9). Cold path, off the engine thread. Nothing a maker needs is defaulted: a missing or
/// unparseable required field becomes a problem that keeps the market from being quoted, and says why.
/// </summary>
public static class MarketMetadataMapper
{
    /// <summary>Problem keys (one problem per field; the CLOB details replace the Gamma problem of a field they supply).</summary>
    public static class Fields
    {
#pragma warning disable CS1591 // the names say it
        public const string Outcomes = "outcomes";
        public const string Tick = "tickSize";
        public const string MinSize = "minOrderSize";
        public const string Fees = "fees";
        public const string AcceptingOrders = "acceptingOrders";
        public const string Closed = "closed";
        public const string NegRisk = "negRisk";
        public const string NegRiskMarketId = "negRiskMarketId";
        public const string EventBinding = "eventBinding";
        public const string NegRiskOther = "negRiskOther";
        public const string StartDate = "startDate";
        public const string EndDate = "endDate";
        public const string GameStart = "gameStartTime";
        public const string EventStart = "eventStartTime";
        public const string Rewards = "rewards";
        public const string Resolution = "umaResolutionStatus";
        public const string Clob = "clob";
#pragma warning restore CS1591
    }

    /// <summary>
    /// Maps one Gamma market. False (with <paramref name="rejected"/>) only when the market cannot be identified: the
    /// condition id or the two token ids are missing or malformed. Otherwise true, with every other problem recorded
    /// in <see cref="MarketMetadata.Problems"/>.
    /// </summary>
    public static bool TryFromGamma(GammaMarket market, out MarketMetadata? metadata, out RejectedMarket? rejected)
    {
        ArgumentNullException.ThrowIfNull(market);
        metadata = null;
        var id = market.ConditionId ?? market.Id ?? "(no id)";
        if (market.ConditionId is null || !Hash32.TryParse(market.ConditionId.AsSpan(), out var conditionId))
        {
            rejected = new RejectedMarket(id, "conditionId missing or not 0x + 64 hex: '" + market.ConditionId + "'");
            return false;
        }

        if (market.ClobTokenIds is not { Length: 2 } tokens)
        {
            rejected = new RejectedMarket(id, "clobTokenIds must hold 2 token ids, got " + (market.ClobTokenIds?.Length ?? 0)
                + " (a new market has none during the CLOB hydration window)");
            return false;
        }

        if (!UInt256.TryParse(tokens[0].AsSpan(), out var yes) || !UInt256.TryParse(tokens[1].AsSpan(), out var no) || yes == no)
        {
            rejected = new RejectedMarket(id, "clobTokenIds are not two distinct decimal uint256 values");
            return false;
        }

        var problems = new Dictionary<string, string>();
        var outcomes = market.Outcomes ?? [];
        if (outcomes.Length != 2)
        {
            problems[Fields.Outcomes] = "outcomes must hold 2 names, got " + outcomes.Length;
        }

        TickSize? tick = null;
        if (market.OrderPriceMinTickSize is not { } tickValue)
        {
            problems[Fields.Tick] = "orderPriceMinTickSize missing (a tick size is never defaulted)";
        }
        else if (TryTick(tickValue, out var parsedTick))
        {
            tick = parsedTick;
        }
        else
        {
            problems[Fields.Tick] = "orderPriceMinTickSize " + Text(tickValue) + " is not a venue tick";
        }

        var minSize = SizeField(market.OrderMinSize, "orderMinSize", Fields.MinSize, problems);

        bool? feesEnabled = market.FeesEnabled;
        int? feeBps = null;
        int? feeExponent = null;
        var takerOnly = false;
        if (market.FeeSchedule is { } schedule)
        {
            feeBps = FeeBps(schedule.Rate);
            feeExponent = Exponent(schedule.Exponent);
            takerOnly = schedule.TakerOnly ?? true;
            if (feeBps is null || feeExponent is null)
            {
                problems[Fields.Fees] = "feeSchedule rate " + Text(schedule.Rate) + " or exponent " + Text(schedule.Exponent)
                    + " missing or not whole basis points / a whole exponent";
            }
        }
        else if (feesEnabled == false)
        {
            feeBps = 0;
            feeExponent = 1;
            takerOnly = true;
        }
        else
        {
            problems[Fields.Fees] = feesEnabled == true
                ? "feesEnabled but no fee rate (feeSchedule or CLOB fd)"
                : "fee parameters missing (feesEnabled, feeSchedule)";
        }

        if (market.AcceptingOrders is null)
        {
            problems[Fields.AcceptingOrders] = "acceptingOrders missing";
        }

        if (market.Closed is null)
        {
            problems[Fields.Closed] = "closed missing";
        }

        var ev = market.Events is { Length: > 0 } events ? events[0] : null;
        var eventNegRisk = ev is not null && (ev.NegRisk == true || ev.EnableNegRisk == true);
        var augmented = ev?.NegRiskAugmented == true;
        string? eventId = string.IsNullOrEmpty(ev?.Id) ? null : ev!.Id;

        Hash32? negRiskMarketId = null;
        if (!string.IsNullOrEmpty(market.NegRiskMarketId))
        {
            if (Hash32.TryParse(market.NegRiskMarketId.AsSpan(), out var nr))
            {
                negRiskMarketId = nr;
            }
            else
            {
                problems[Fields.NegRiskMarketId] = "negRiskMarketID is not 0x + 64 hex: '" + market.NegRiskMarketId + "'";
            }
        }

        if (market.NegRisk is null)
        {
            problems[Fields.NegRisk] = "negRisk missing";
        }

        if (market.NegRiskOther == true)
        {
            problems[Fields.NegRiskOther] = "the augmented negRisk event's Other market is never quoted";
        }

        var metadata0 = new MarketMetadata
        {
            ConditionId = conditionId,
            YesToken = yes,
            NoToken = no,
            Question = market.Question ?? string.Empty,
            Outcomes = outcomes,
            Tick = tick,
            MinOrderSize = minSize,
            FeesEnabled = feesEnabled,
            TakerFeeRateBps = feeBps,
            FeeExponent = feeExponent,
            FeeTakerOnly = takerOnly,
            StartMs = DateField(market.StartDate, Fields.StartDate, problems),
            EndMs = DateField(market.EndDate, Fields.EndDate, problems),
            GameStartMs = DateField(market.GameStartTime, Fields.GameStart, problems),
            EventStartMs = DateField(market.EventStartTime, Fields.EventStart, problems),
            ClearBookOnStart = market.ClearBookOnStart == true,
            SecondsDelay = market.SecondsDelay is { } sd && sd >= 0 && sd == decimal.Truncate(sd) && sd <= int.MaxValue ? (int)sd : null,
            // An order book that is not enabled does not accept orders.
            AcceptingOrders = market.AcceptingOrders is { } ao ? ao && market.EnableOrderBook != false : null,
            Closed = market.Closed,
            NegRisk = market.NegRisk,
            EventNegRisk = eventNegRisk,
            NegRiskAugmented = augmented,
            NegRiskOther = market.NegRiskOther == true,
            NegRiskMarketId = negRiskMarketId,
            EventId = eventId,
            RewardsMinSize = RewardSize(market.RewardsMinSize, problems),
            RewardsMaxSpread = RewardSpreadCents(market.RewardsMaxSpread, problems),
            Resolution = Resolution(market, problems),
        };

        CheckNegRiskBinding(metadata0, problems);
        metadata = metadata0 with { Problems = problems };
        rejected = null;
        return true;
    }

    /// <summary>
    /// Overlays the CLOB's <c>/clob-markets</c> details, which are authoritative for what orders need (tick, min size,
    /// negRisk exchange, fees, accepting orders, game start, rewards). Tokens that disagree with Gamma's, or a CLOB
    /// that has not hydrated the market yet, make the market not quotable.
    /// </summary>
    public static MarketMetadata WithClobDetails(MarketMetadata metadata, MarketDetails details)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(details);
        var problems = new Dictionary<string, string>(metadata.Problems);
        problems.Remove(Fields.Clob);
        if (details.ConditionId is { Length: > 0 } cid
            && (!Hash32.TryParse(cid.AsSpan(), out var parsed) || parsed != metadata.ConditionId))
        {
            problems[Fields.Clob] = "CLOB details are for condition " + cid + ", not " + metadata.ConditionId;
            return metadata with { Problems = problems };
        }

        if (details.Tokens is not { Length: 2 } tokens || string.IsNullOrEmpty(tokens[0].TokenId) || string.IsNullOrEmpty(tokens[1].TokenId))
        {
            problems[Fields.Clob] = "CLOB has no token ids for the market yet (hydration window)";
            return metadata with { Problems = problems };
        }

        if (!UInt256.TryParse(tokens[0].TokenId.AsSpan(), out var t0) || !UInt256.TryParse(tokens[1].TokenId.AsSpan(), out var t1)
            || !((t0 == metadata.YesToken && t1 == metadata.NoToken) || (t0 == metadata.NoToken && t1 == metadata.YesToken)))
        {
            problems[Fields.Clob] = "CLOB token ids (" + tokens[0].TokenId + ", " + tokens[1].TokenId + ") differ from Gamma's";
            return metadata with { Problems = problems };
        }

        var result = metadata;
        if (details.MinTickSize is { } mts)
        {
            if (TryTick(mts, out var tick))
            {
                result = result with { Tick = tick };
                problems.Remove(Fields.Tick);
            }
            else
            {
                result = result with { Tick = null };
                problems[Fields.Tick] = "CLOB mts " + Text(mts) + " is not a venue tick";
            }
        }

        if (details.MinOrderSize is { } mos)
        {
            problems.Remove(Fields.MinSize);
            result = result with { MinOrderSize = SizeField(mos, "CLOB mos", Fields.MinSize, problems) };
        }

        // nr is omitted when false: present details always state the exchange.
        if (metadata.NegRisk is { } gammaNegRisk && gammaNegRisk != details.IsNegRisk)
        {
            problems[Fields.NegRisk] = "negRisk is " + Bool(gammaNegRisk) + " on Gamma but " + Bool(details.IsNegRisk) + " on the CLOB";
        }
        else
        {
            problems.Remove(Fields.NegRisk);
        }

        result = result with { NegRisk = details.IsNegRisk };

        if (details.Fees is { } fd)
        {
            var bps = FeeBps(fd.Rate);
            var exponent = Exponent(fd.Exponent);
            if (bps is null || exponent is null)
            {
                problems[Fields.Fees] = "CLOB fd rate " + Text(fd.Rate) + " or exponent " + Text(fd.Exponent)
                    + " missing or not whole basis points / a whole exponent";
            }
            else
            {
                problems.Remove(Fields.Fees);
            }

            result = result with
            {
                FeesEnabled = bps is { } b ? b > 0 : result.FeesEnabled,
                TakerFeeRateBps = bps,
                FeeExponent = exponent,
                FeeTakerOnly = fd.TakerOnly ?? true,
            };
        }

        if (details.AcceptingOrders is { } ao)
        {
            problems.Remove(Fields.AcceptingOrders);
            result = result with { AcceptingOrders = ao };
        }

        if (details.GameStartTime is { Length: > 0 } gst)
        {
            problems.Remove(Fields.GameStart);
            result = result with { GameStartMs = DateField(gst, Fields.GameStart, problems) };
        }

        if (details.ClearBookOnStart is { } cbos)
        {
            result = result with { ClearBookOnStart = cbos };
        }

        if (details.SecondsDelay is { } sd && sd >= 0 && sd == decimal.Truncate(sd) && sd <= int.MaxValue)
        {
            result = result with { SecondsDelay = (int)sd };
        }

        if (details.Rewards is { } r)
        {
            problems.Remove(Fields.Rewards);
            result = result with
            {
                RewardsMinSize = r.Enabled == false ? null : RewardSize(r.MinSize, problems),
                RewardsMaxSpread = r.Enabled == false ? null : RewardSpreadCents(r.MaxSpread, problems),
            };
        }

        CheckNegRiskBinding(result, problems);
        return result with { Problems = problems };
    }

    /// <summary>Records that the CLOB details could not be fetched: the market is not quoted until they can.</summary>
    public static MarketMetadata WithClobUnavailable(MarketMetadata metadata, string why)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var problems = new Dictionary<string, string>(metadata.Problems)
        {
            [Fields.Clob] = "CLOB market details unavailable: " + why,
        };
        return metadata with { Problems = problems };
    }

    private static void CheckNegRiskBinding(MarketMetadata m, Dictionary<string, string> problems)
    {
        problems.Remove(Fields.EventBinding);
        if (m.NegRisk == true && m.NegRiskMarketId is null && !problems.ContainsKey(Fields.NegRiskMarketId))
        {
            problems[Fields.NegRiskMarketId] = "negRisk market without negRiskMarketID: cannot bind it to its event";
        }

        if (m.NegRisk == true && m.EventId is null)
        {
            problems[Fields.EventBinding] = "negRisk market without an event: parity and risk cannot be clustered";
        }
        else if (m.NegRisk is { } nr && m.EventId is not null && nr != m.EventNegRisk)
        {
            problems[Fields.EventBinding] = "negRisk is " + Bool(nr) + " on the market but " + Bool(m.EventNegRisk) + " on event " + m.EventId;
        }
    }

    private static ResolutionStatus Resolution(GammaMarket market, Dictionary<string, string> problems)
    {
        // The statuses are a history; the last one is current. umaResolutionStatus states the current one directly.
        var current = market.UmaResolutionStatus;
        if (string.IsNullOrEmpty(current) && market.UmaResolutionStatuses is { Length: > 0 } history)
        {
            current = history[^1];
        }

        switch (current?.Trim().ToLowerInvariant())
        {
            case null or "":
                return ResolutionStatus.Open;
            case "proposed":
                return ResolutionStatus.Proposed;
            case "disputed" or "challenged":
                return ResolutionStatus.Disputed;
            case "resolved":
                return ResolutionStatus.Resolved;
            default:
                // Unknown progress is treated like a dispute: nothing is quoted.
                problems[Fields.Resolution] = "unknown umaResolutionStatus '" + current + "'";
                return ResolutionStatus.Disputed;
        }
    }

    private static bool TryTick(decimal value, out TickSize tick) =>
        TickSize.TryParse(Text(value).AsSpan(), out tick, out _);

    private static Quantity? SizeField(decimal? value, string name, string key, Dictionary<string, string> problems)
    {
        if (value is not { } v)
        {
            problems[key] = name + " missing";
            return null;
        }

        if (v <= 0 || !Quantity.TryParse(Text(v).AsSpan(), out var q, out _))
        {
            problems[key] = name + " " + Text(v) + " is not a positive size";
            return null;
        }

        return q;
    }

    private static Quantity? RewardSize(decimal? value, Dictionary<string, string> problems)
    {
        if (value is not { } v || v == 0)
        {
            return null;
        }

        if (v < 0 || !Quantity.TryParse(Text(v).AsSpan(), out var q, out _))
        {
            problems[Fields.Rewards] = "rewards min size " + Text(v) + " is not a size";
            return null;
        }

        return q;
    }

    private static Price? RewardSpreadCents(decimal? cents, Dictionary<string, string> problems)
    {
        if (cents is not { } c || c == 0)
        {
            return null;
        }

        // Cents to a price distance in 1e-6 units: 4.5 cents is 45_000.
        var raw = c * 10_000m;
        if (c < 0 || c >= 100 || raw != decimal.Truncate(raw))
        {
            problems[Fields.Rewards] = "rewards max spread " + Text(c) + " cents is not a price distance";
            return null;
        }

        return Price.FromRaw((int)raw);
    }

    private static int? FeeBps(decimal? rate)
    {
        if (rate is not { } r || r < 0 || r > 1)
        {
            return null;
        }

        var bps = r * 10_000m;
        return bps == decimal.Truncate(bps) ? (int)bps : null;
    }

    private static int? Exponent(decimal? exponent) =>
        exponent is { } e && e >= 0 && e <= 16 && e == decimal.Truncate(e) ? (int)e : null;

    private static long? DateField(string? text, string key, Dictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
        {
            return d.ToUnixTimeMilliseconds();
        }

        problems[key] = key + " '" + text + "' is not a date";
        return null;
    }

    private static string Text(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "(missing)";

    private static string Bool(bool value) => value ? "true" : "false";
}
