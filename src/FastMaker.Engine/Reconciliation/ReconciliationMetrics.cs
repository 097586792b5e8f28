using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace FastMaker.Engine.Reconciliation;

/// <summary>
/// Turns each <see cref="Discrepancy"/> into a log line and a counter: a per-kind total readable in-process, and the
/// <c>fastmaker.reconcile.differences</c> instrument (tag <c>kind</c>) of the <c>FastMaker.Reconciliation</c> meter.
/// </summary>
public sealed class ReconciliationMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "FastMaker.Reconciliation";

    private readonly long[] _byKind = new long[Enum.GetValues<DiscrepancyKind>().Length];
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _differences;
    private readonly Counter<long> _runs;
    private readonly ILogger _logger;

    /// <summary>Creates the counters; lines go to <paramref name="logger"/>.</summary>
    public ReconciliationMetrics(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        _differences = _meter.CreateCounter<long>("fastmaker.reconcile.differences", description: "Differences found between our records and the venue's.");
        _runs = _meter.CreateCounter<long>("fastmaker.reconcile.runs", description: "Reconciliations performed.");
    }

    /// <summary>Reconciliations recorded.</summary>
    public long Runs { get; private set; }

    /// <summary>Differences of one kind recorded so far.</summary>
    public long Count(DiscrepancyKind kind) => _byKind[(int)kind];

    /// <summary>Total differences recorded so far.</summary>
    public long Total
    {
        get
        {
            long total = 0;
            foreach (var count in _byKind)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>Logs and counts every difference of one reconciliation.</summary>
    public void Record(ReconciliationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Runs++;
        _runs.Add(1);
        foreach (var difference in result.Differences)
        {
            _byKind[(int)difference.Kind]++;
            _differences.Add(1, new KeyValuePair<string, object?>("kind", difference.Kind.ToString()));
            _logger.LogWarning("{Difference}", difference.ToString());
        }

        _logger.LogInformation(
            "Reconciliation {Run}: {Differences} differences, {Cancels} cancels, {Orders} orders corrected, {Reservations} reservations rebuilt",
            Runs, result.Differences.Count, result.Intents.Count, result.CorrectedOrders.Count, result.Reservations.Count);
    }

    /// <summary>Releases the meter.</summary>
    public void Dispose() => _meter.Dispose();
}
