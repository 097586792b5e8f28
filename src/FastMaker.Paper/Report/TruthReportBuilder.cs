using System.Globalization;
using System.Text.Json;
using FastMaker.Engine.Store;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Paper.Report;

/// <summary>
/// Computes the truth report from what a store holds. Real and simulated fills are never pooled, and within each,
/// maker and taker are never pooled; a figure whose inputs are missing is listed as missing with the reason, never
/// estimated. Money is summed exactly in raw integers (price x size in 1e-12 collateral) and converted once at the end.
/// </summary>
public static class TruthReportBuilder
{
    private const double RawUnit = 1_000_000.0;
    private const double RawSquared = 1e12;
    private const long HourMs = 3_600_000;
    private const long DayMs = 86_400_000;
    private const long MarkoutGateHorizonMs = 30_000;

    /// <summary>Builds the report; <paramref name="options"/> defaults to <see cref="ReportOptions"/>'s defaults.</summary>
    public static TruthReport Build(ReportInput input, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new ReportOptions();
        options.Validate();
        var mids = new MidSeries(input.Marks);
        var missing = new List<MissingFigure>();
        if (!input.HasMarksTable)
        {
            missing.Add(new("marks", $"store schema version {input.SchemaVersion} has no marks table: realized spread, markouts, "
                + "the PnL split and Sharpe need the mid over time, which schema 2 records"));
        }
        else if (mids.Count == 0)
        {
            missing.Add(new("marks", "the store holds no marks: the engine did not record the mid, so realized spread, markouts, "
                + "the PnL split and Sharpe cannot be computed"));
        }

        var real = BuildProvenance(simulated: false, input, mids, options, missing);
        var simulated = BuildProvenance(simulated: true, input, mids, options, missing);
        var calibration = BuildCalibration(real, simulated, mids, missing);
        return new TruthReport
        {
            Store = input.StorePath,
            SchemaVersion = input.SchemaVersion,
            Marks = mids.Count,
            Config = options,
            Real = real,
            Simulated = simulated,
            Calibration = calibration,
            GateA = BuildGateA(simulated, calibration, options),
            GateB = BuildGateB(real, options),
            Missing = missing,
        };
    }

    private sealed class FillEval
    {
        public required StoredFill Fill { get; init; }

        public required int Sign { get; init; }

        public int? MidAtFill { get; init; }

        public int? LastMid { get; init; }

        public required int?[] MarkoutsRaw { get; init; }

        public double Shares => Fill.Size.Raw / RawUnit;
    }

    private static ProvenanceFigures BuildProvenance(bool simulated, ReportInput input, MidSeries mids, ReportOptions options, List<MissingFigure> missing)
    {
        var name = simulated ? "simulated" : "real";
        var fills = new List<StoredFill>();
        var failed = 0;
        foreach (var fill in input.Fills)
        {
            if (fill.Simulated != simulated)
            {
                continue;
            }

            if (fill.Status == TradeStatusCode.Failed)
            {
                failed++;
                continue;
            }

            fills.Add(fill);
        }

        fills.Sort(static (a, b) =>
        {
            var c = a.MatchMs.CompareTo(b.MatchMs);
            c = c != 0 ? c : a.TradeId.CompareTo(b.TradeId);
            return c != 0 ? c : string.CompareOrdinal(a.OrderId.ToString(), b.OrderId.ToString());
        });

        var horizons = options.MarkoutHorizonsMs;
        var evals = new List<FillEval>(fills.Count);
        foreach (var fill in fills)
        {
            var sign = fill.Side == Side.Buy ? 1 : -1;
            var markouts = new int?[horizons.Length];
            for (var h = 0; h < horizons.Length; h++)
            {
                if (mids.TryMidAt(fill.TokenId, fill.MatchMs + horizons[h], options.MaxMarkAgeMs, out var later))
                {
                    markouts[h] = sign * (later - fill.Price.Raw);
                }
            }

            evals.Add(new FillEval
            {
                Fill = fill,
                Sign = sign,
                MidAtFill = mids.TryMidAt(fill.TokenId, fill.MatchMs, options.MaxMarkAgeMs, out var mid) ? mid : null,
                LastMid = mids.TryLastMid(fill.TokenId, out var last) ? last : null,
                MarkoutsRaw = markouts,
            });
        }

        if (fills.Count == 0)
        {
            missing.Add(new(name, $"no {name} fills in the store"));
        }

        var byLiquidity = new List<LiquidityFigures>();
        foreach (var liquidity in (ReadOnlySpan<StoredLiquidity>)[StoredLiquidity.Maker, StoredLiquidity.Taker, StoredLiquidity.Unknown])
        {
            var group = evals.FindAll(e => e.Fill.Liquidity == liquidity);
            if (liquidity == StoredLiquidity.Unknown && group.Count == 0)
            {
                continue;
            }

            if (liquidity == StoredLiquidity.Unknown)
            {
                missing.Add(new($"{name}.unknown", $"{group.Count} {name} fills are not classified maker or taker; they are reported apart, in no maker or taker figure"));
            }

            byLiquidity.Add(BuildLiquidity(group, liquidity, options));
        }

        var rewards = BuildRewards(simulated, input, out var rewardPoints, missing);
        var pnl = BuildPnl(name, evals, rewards, missing);
        var series = pnl is null ? new ReportSeries() : BuildSeries(evals, rewardPoints, mids);
        return new ProvenanceFigures
        {
            Provenance = name,
            Fills = fills.Count,
            FailedFillsExcluded = failed,
            ByLiquidity = byLiquidity,
            Pnl = pnl,
            Rewards = rewards,
            SharpeHourly = BuildSharpe("hour", HourMs, evals, rewardPoints, mids, options),
            SharpeDaily = BuildSharpe("day", DayMs, evals, rewardPoints, mids, options),
            Series = series,
        };
    }

    private static LiquidityFigures BuildLiquidity(List<FillEval> group, StoredLiquidity liquidity, ReportOptions options)
    {
        var sources = new SortedDictionary<string, int>(StringComparer.Ordinal);
        long sizeRaw = 0, sizeWithMid = 0, fees = 0;
        Int128 spread = 0, inventory = 0;
        int withMid = 0, withBoth = 0;
        foreach (var e in group)
        {
            var source = JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Fill.ClassificationSource.ToString());
            sources[source] = sources.GetValueOrDefault(source) + 1;
            sizeRaw += e.Fill.Size.Raw;
            fees += e.Fill.Fee.Raw;
            if (e.MidAtFill is { } mid)
            {
                withMid++;
                sizeWithMid += e.Fill.Size.Raw;
                spread += (Int128)(e.Sign * (mid - e.Fill.Price.Raw)) * e.Fill.Size.Raw;
                if (e.LastMid is { } last)
                {
                    withBoth++;
                    inventory += (Int128)(e.Sign * (last - mid)) * e.Fill.Size.Raw;
                }
            }
        }

        var horizons = options.MarkoutHorizonsMs;
        var markouts = new List<MarkoutFigure>(horizons.Length);
        for (var h = 0; h < horizons.Length; h++)
        {
            var values = new List<double>();
            var weights = new List<double>();
            Int128 weighted = 0;
            long sum = 0, weight = 0;
            foreach (var e in group)
            {
                if (e.MarkoutsRaw[h] is { } raw)
                {
                    values.Add(raw / RawUnit);
                    weights.Add(e.Shares);
                    weighted += (Int128)raw * e.Fill.Size.Raw;
                    sum += raw;
                    weight += e.Fill.Size.Raw;
                }
            }

            double? perShare = null, mean = null, low = null, high = null;
            if (values.Count > 0)
            {
                // Exact sums in raw units, one division at the end.
                perShare = weight > 0 ? (double)weighted / weight / RawUnit : null;
                mean = sum / (double)values.Count / RawUnit;
                if (values.Count >= options.MinObservations)
                {
                    (low, high) = Bootstrap.WeightedMean([.. values], [.. weights], options.BootstrapResamples, options.BootstrapSeed);
                }
            }

            markouts.Add(new MarkoutFigure
            {
                HorizonMs = horizons[h],
                Fills = values.Count,
                FillsMissing = group.Count - values.Count,
                PerShare = perShare,
                MeanPerFill = mean,
                CiLow = low,
                CiHigh = high,
            });
        }

        var shares = sizeRaw / RawUnit;
        return new LiquidityFigures
        {
            Liquidity = liquidity switch { StoredLiquidity.Maker => "maker", StoredLiquidity.Taker => "taker", _ => "unknown" },
            Fills = group.Count,
            Shares = shares,
            ClassificationSources = sources,
            FillsWithMid = withMid,
            RealizedSpreadPerShare = sizeWithMid > 0 ? (double)spread / sizeWithMid / RawUnit : null,
            Markouts = markouts,
            FeesPaid = fees / RawUnit,
            FeesPerShare = sizeRaw > 0 ? fees / RawUnit / shares : null,
            SpreadCapture = withMid == group.Count ? (double)spread / RawSquared : null,
            InventoryPnl = withBoth == group.Count ? (double)inventory / RawSquared : null,
        };
    }

    private static PnlSplit? BuildPnl(string name, List<FillEval> evals, RewardEstimate rewards, List<MissingFigure> missing)
    {
        Int128 spread = 0, inventory = 0;
        long fees = 0;
        int noMid = 0, noLast = 0;
        foreach (var e in evals)
        {
            fees += e.Fill.Fee.Raw;
            if (e.MidAtFill is not { } mid)
            {
                noMid++;
                continue;
            }

            if (e.LastMid is not { } last)
            {
                noLast++;
                continue;
            }

            spread += (Int128)(e.Sign * (mid - e.Fill.Price.Raw)) * e.Fill.Size.Raw;
            inventory += (Int128)(e.Sign * (last - mid)) * e.Fill.Size.Raw;
        }

        if (noMid > 0 || noLast > 0)
        {
            missing.Add(new($"{name}.pnl_split", string.Create(CultureInfo.InvariantCulture,
                $"{noMid} of {evals.Count} {name} fills have no mark at fill time (within max_mark_age_ms before it) and {noLast} have no mark of their token to value the position at the end")));
            return null;
        }

        var reward = rewards.Reward ?? 0;
        var spreadCapture = (double)spread / RawSquared;
        var inventoryPnl = (double)inventory / RawSquared;
        var feesPaid = fees / RawUnit;
        return new PnlSplit
        {
            SpreadCapture = spreadCapture,
            InventoryPnl = inventoryPnl,
            Fees = feesPaid,
            Rewards = reward,
            RewardsIncluded = rewards.Available,
            Total = spreadCapture + inventoryPnl - feesPaid + reward,
        };
    }

    private static RewardEstimate BuildRewards(bool simulated, ReportInput input, out List<(long TimeMs, double Amount)> points, List<MissingFigure> missing)
    {
        var name = simulated ? "simulated" : "real";
        points = [];
        int used = 0, invalid = 0;
        double reward = 0, shareTime = 0, time = 0;
        foreach (var s in input.RewardSamples)
        {
            if (s.Simulated != simulated)
            {
                continue;
            }

            double share;
            if (s.TotalQMin > 0 && s.OurQMin <= s.TotalQMin * (1 + 1e-9))
            {
                share = s.OurQMin / s.TotalQMin;
            }
            else if (s.TotalQMin == 0 && s.OurQMin == 0)
            {
                share = 0;
            }
            else
            {
                invalid++;
                continue;
            }

            var amount = share * (s.DailyPool.Raw / RawUnit) * s.DurationMs / DayMs;
            points.Add((s.TimeMs, amount));
            reward += amount;
            shareTime += share * s.DurationMs;
            time += s.DurationMs;
            used++;
        }

        points.Sort(static (a, b) => a.TimeMs.CompareTo(b.TimeMs));
        if (used == 0)
        {
            missing.Add(new($"{name}.rewards", !input.HasMarksTable
                ? $"store schema version {input.SchemaVersion} has no reward_samples table"
                : invalid > 0
                    ? $"all {invalid} {name} reward samples are impossible (our Q above the book's total)"
                    : $"no {name} reward samples: the engine did not record our Q-score against the book's (StoredRewardSample); PnL excludes rewards"));
        }

        return new RewardEstimate
        {
            Available = used > 0,
            Samples = used,
            SamplesInvalid = invalid,
            MeanShare = time > 0 ? shareTime / time : null,
            Reward = used > 0 ? reward : null,
        };
    }

    private static SharpeFigure BuildSharpe(string period, long periodMs, List<FillEval> evals, List<(long TimeMs, double Amount)> rewards, MidSeries mids, ReportOptions options)
    {
        var returns = new List<double>();
        var unvalued = 0;
        if ((evals.Count > 0 || rewards.Count > 0) && mids.Count > 0)
        {
            var first = Math.Min(evals.Count > 0 ? evals[0].Fill.MatchMs : long.MaxValue, rewards.Count > 0 ? rewards[0].TimeMs : long.MaxValue);
            var start = FloorTo(first, periodMs);
            var end = FloorTo(mids.LastTimeMs, periodMs);
            var positions = new Dictionary<UInt256, long>();
            Int128 cash = 0;
            long fees = 0;
            double rewarded = 0;
            int nextFill = 0, nextReward = 0;
            double? previous = null;
            for (var boundary = start; boundary <= end; boundary += periodMs)
            {
                // A fill or reward exactly at a boundary belongs to the period that starts there.
                for (; nextFill < evals.Count && evals[nextFill].Fill.MatchMs < boundary; nextFill++)
                {
                    var f = evals[nextFill];
                    cash -= (Int128)(f.Sign * f.Fill.Price.Raw) * f.Fill.Size.Raw;
                    fees += f.Fill.Fee.Raw;
                    positions[f.Fill.TokenId] = positions.GetValueOrDefault(f.Fill.TokenId) + (f.Sign * f.Fill.Size.Raw);
                }

                for (; nextReward < rewards.Count && rewards[nextReward].TimeMs < boundary; nextReward++)
                {
                    rewarded += rewards[nextReward].Amount;
                }

                double? equity = null;
                var value = cash;
                var valued = true;
                foreach (var (token, shares) in positions)
                {
                    if (shares == 0)
                    {
                        continue;
                    }

                    if (!mids.TryMidAt(token, boundary, options.MaxMarkAgeMs, out var mid))
                    {
                        valued = false;
                        break;
                    }

                    value += (Int128)shares * mid;
                }

                if (valued)
                {
                    equity = ((double)value / RawSquared) - (fees / RawUnit) + rewarded;
                }

                if (boundary > start)
                {
                    if (previous is { } p && equity is { } e)
                    {
                        returns.Add(e - p);
                    }
                    else
                    {
                        unvalued++;
                    }
                }

                previous = equity;
            }
        }

        if (returns.Count < options.MinObservations)
        {
            return new SharpeFigure
            {
                Period = period,
                Observations = returns.Count,
                PeriodsUnvalued = unvalued,
                Status = "NOT_ENOUGH_DATA",
                MinObservations = options.MinObservations,
            };
        }

        var values = returns.ToArray();
        var (mean, stdev) = Bootstrap.MeanStdev(values);
        if (stdev == 0)
        {
            return new SharpeFigure
            {
                Period = period,
                Observations = returns.Count,
                PeriodsUnvalued = unvalued,
                Status = "UNDEFINED",
                MinObservations = options.MinObservations,
                MeanPnl = mean,
                StdevPnl = 0,
            };
        }

        var ci = Bootstrap.Sharpe(values, options.BootstrapResamples, options.BootstrapSeed);
        return new SharpeFigure
        {
            Period = period,
            Observations = returns.Count,
            PeriodsUnvalued = unvalued,
            Status = "OK",
            MinObservations = options.MinObservations,
            MeanPnl = mean,
            StdevPnl = stdev,
            Sharpe = mean / stdev,
            CiLow = ci?.Low,
            CiHigh = ci?.High,
        };
    }

    private static ReportSeries BuildSeries(List<FillEval> evals, List<(long TimeMs, double Amount)> rewards, MidSeries mids)
    {
        var series = new ReportSeries();
        var held = new Dictionary<UInt256, (long Shares, Int128 EntryValue)>();
        Int128 spread = 0;
        long fees = 0;
        double rewarded = 0;
        var nextReward = 0;
        var end = Math.Max(mids.LastTimeMs, evals.Count > 0 ? evals[^1].Fill.MatchMs : 0);
        for (var i = 0; i <= evals.Count; i++)
        {
            var time = i < evals.Count ? evals[i].Fill.MatchMs : end;
            if (i < evals.Count)
            {
                var e = evals[i];
                var mid = e.MidAtFill!.Value;
                spread += (Int128)(e.Sign * (mid - e.Fill.Price.Raw)) * e.Fill.Size.Raw;
                fees += e.Fill.Fee.Raw;
                var h = held.GetValueOrDefault(e.Fill.TokenId);
                h = (h.Shares + (e.Sign * e.Fill.Size.Raw), h.EntryValue + ((Int128)(e.Sign * e.Fill.Size.Raw) * mid));
                held[e.Fill.TokenId] = h;
                var token = e.Fill.TokenId.ToString();
                if (!series.Inventory.TryGetValue(token, out var list))
                {
                    list = [];
                    series.Inventory.Add(token, list);
                }

                list.Add((time, h.Shares / RawUnit));
                if (e.Fill.Liquidity == StoredLiquidity.Maker)
                {
                    series.MakerFillTimes.Add(time);
                }

                // Several fills at one instant make one point, after the last of them.
                if (i + 1 < evals.Count && evals[i + 1].Fill.MatchMs == time)
                {
                    continue;
                }
            }

            for (; nextReward < rewards.Count && rewards[nextReward].TimeMs <= time; nextReward++)
            {
                rewarded += rewards[nextReward].Amount;
            }

            Int128 inventory = 0;
            foreach (var (token, h) in held)
            {
                var mid = i < evals.Count ? (mids.TryLatestMid(token, time, out var m) ? m : 0) : (mids.TryLastMid(token, out var last) ? last : 0);
                inventory += ((Int128)h.Shares * mid) - h.EntryValue;
            }

            var s = (double)spread / RawSquared;
            var inv = (double)inventory / RawSquared;
            var f = fees / RawUnit;
            series.PnlTimes.Add(time);
            series.SpreadCapture.Add(s);
            series.InventoryPnl.Add(inv);
            series.Fees.Add(-f);
            series.Rewards.Add(rewarded);
            series.Total.Add(s + inv - f + rewarded);
        }

        return series;
    }

    private static CalibrationFigure BuildCalibration(ProvenanceFigures real, ProvenanceFigures simulated, MidSeries mids, List<MissingFigure> missing)
    {
        var realMaker = real.ByLiquidity.Find(static l => l.Liquidity == "maker")!;
        var simMaker = simulated.ByLiquidity.Find(static l => l.Liquidity == "maker")!;
        if (realMaker.Fills == 0 || simMaker.Fills == 0)
        {
            missing.Add(new("calibration", realMaker.Fills == 0
                ? "no real maker fills in this store: calibration needs the venue run and the paper run over the same market data in one store"
                : "no simulated maker fills in this store: calibration needs the paper run beside the venue run"));
            return new CalibrationFigure { Available = false };
        }

        double? hours = mids.Count > 1 && mids.LastTimeMs > mids.FirstTimeMs ? (mids.LastTimeMs - mids.FirstTimeMs) / (double)HourMs : null;
        return new CalibrationFigure
        {
            Available = true,
            WindowHours = hours,
            RealMakerFillsPerHour = hours is { } h1 ? realMaker.Fills / h1 : null,
            SimulatedMakerFillsPerHour = hours is { } h2 ? simMaker.Fills / h2 : null,
            FillRateRatio = simMaker.Fills / (double)realMaker.Fills,
            FillSizeRatio = simMaker.Shares / simMaker.Fills / (realMaker.Shares / realMaker.Fills),
            RealMakerMarkout30s = Markout(realMaker, MarkoutGateHorizonMs)?.PerShare,
            SimulatedMakerMarkout30s = Markout(simMaker, MarkoutGateHorizonMs)?.PerShare,
        };
    }

    private static GateResult BuildGateA(ProvenanceFigures simulated, CalibrationFigure calibration, ReportOptions options)
    {
        var o = options.GateA;
        var maker = simulated.ByLiquidity.Find(static l => l.Liquidity == "maker")!;
        var criteria = new List<GateCriterion>();
        var enough = maker.Fills >= o.MinSimulatedMakerFills;
        criteria.Add(new GateCriterion
        {
            Name = "simulated_maker_fills",
            Rule = $"simulated maker fills >= {o.MinSimulatedMakerFills}",
            Value = maker.Fills,
            Threshold = o.MinSimulatedMakerFills,
            Verdict = enough ? Verdict.Pass : Verdict.NotEnoughData,
        });
        var markout = Markout(maker, MarkoutGateHorizonMs);
        criteria.Add(new GateCriterion
        {
            Name = "simulated_maker_markout_30s_ci_low",
            Rule = string.Create(CultureInfo.InvariantCulture,
                $"lower bound of the bootstrap 95% CI of the size-weighted 30 s markout per share of simulated maker fills >= {o.MinMarkout30sLowerBound}"),
            Value = enough ? markout?.CiLow : null,
            Threshold = o.MinMarkout30sLowerBound,
            Verdict = !enough || markout?.CiLow is null ? Verdict.NotEnoughData
                : markout.CiLow >= o.MinMarkout30sLowerBound ? Verdict.Pass : Verdict.Fail,
            Detail = !enough ? "judged only once the fill count is met"
                : markout is null ? "the 30 s horizon is not among markout_horizons_ms"
                : markout.CiLow is null ? $"{markout.Fills} fills have a 30 s mark, fewer than min_observations ({options.MinObservations})" : null,
        });
        if (o.RequireCalibration)
        {
            criteria.Add(new GateCriterion
            {
                Name = "calibration_fill_rate_ratio",
                Rule = string.Create(CultureInfo.InvariantCulture, $"paper maker fills / venue maker fills over the same market data <= {o.MaxCalibrationRatio}"),
                Value = calibration.FillRateRatio,
                Threshold = o.MaxCalibrationRatio,
                Verdict = calibration.FillRateRatio is not { } ratio ? Verdict.NotEnoughData
                    : ratio <= o.MaxCalibrationRatio ? Verdict.Pass : Verdict.Fail,
                Detail = calibration.Available ? null : "no calibration run in this store (real and simulated maker fills over the same data)",
            });
        }

        return new GateResult
        {
            Name = "gate_a",
            Meaning = "paper ready to go live",
            Verdict = GateResult.Combine(criteria),
            Criteria = criteria,
        };
    }

    private static GateResult BuildGateB(ProvenanceFigures real, ReportOptions options)
    {
        var o = options.GateB;
        var maker = real.ByLiquidity.Find(static l => l.Liquidity == "maker")!;
        var criteria = new List<GateCriterion>();
        var enough = maker.Fills >= o.MinRealMakerFills;
        criteria.Add(new GateCriterion
        {
            Name = "real_maker_fills",
            Rule = $"real maker fills >= {o.MinRealMakerFills}",
            Value = maker.Fills,
            Threshold = o.MinRealMakerFills,
            Verdict = enough ? Verdict.Pass : Verdict.NotEnoughData,
        });
        var markout = Markout(maker, MarkoutGateHorizonMs);
        double? edge = markout?.PerShare is { } m && maker.FeesPerShare is { } f ? m - f : null;
        criteria.Add(new GateCriterion
        {
            Name = "real_maker_edge_per_share",
            Rule = string.Create(CultureInfo.InvariantCulture,
                $"size-weighted 30 s markout per share of real maker fills (realized spread + the mid's move over 30 s) - fees per share > {o.MinEdgePerShare}"),
            Value = enough ? edge : null,
            Threshold = o.MinEdgePerShare,
            Verdict = !enough || edge is null ? Verdict.NotEnoughData : edge > o.MinEdgePerShare ? Verdict.Pass : Verdict.Fail,
            Detail = !enough ? "judged only once the fill count is met" : edge is null ? "no real maker fill has a 30 s mark" : null,
        });
        var sharpe = o.SharpePeriod == "hour" ? real.SharpeHourly : real.SharpeDaily;
        criteria.Add(new GateCriterion
        {
            Name = "real_sharpe_ci_low",
            Rule = string.Create(CultureInfo.InvariantCulture, $"lower bound of the bootstrap 95% CI of the real Sharpe per {o.SharpePeriod} > {o.MinSharpeLowerBound}"),
            Value = sharpe.CiLow,
            Threshold = o.MinSharpeLowerBound,
            Verdict = sharpe.CiLow is not { } low ? Verdict.NotEnoughData : low > o.MinSharpeLowerBound ? Verdict.Pass : Verdict.Fail,
            Detail = sharpe.Status switch
            {
                "NOT_ENOUGH_DATA" => $"{sharpe.Observations} {o.SharpePeriod}s observed, fewer than min_observations ({sharpe.MinObservations})",
                "UNDEFINED" => "PnL per period has zero variance",
                _ => null,
            },
        });
        return new GateResult
        {
            Name = "gate_b",
            Meaning = "live maker edge confirmed",
            Verdict = GateResult.Combine(criteria),
            Criteria = criteria,
        };
    }

    private static MarkoutFigure? Markout(LiquidityFigures group, long horizonMs) =>
        group.Markouts.Find(m => m.HorizonMs == horizonMs);

    private static long FloorTo(long timeMs, long periodMs) => timeMs - (((timeMs % periodMs) + periodMs) % periodMs);
}
