using FastMaker.Polymarket.Rest.Clob;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FastMaker.Engine.Reconciliation;

/// <summary>
/// The network side of reconciliation: fetches every page of our open orders and trades through the
/// <see cref="ClobClient"/>, maps them, and hands a <see cref="ReconciliationSnapshot"/> to the engine (the caller's
/// <c>deliver</c> posts it as a RestReply event); once at start-up, then on a timer. Never touches engine state.
/// </summary>
public sealed class ReconciliationRunner
{
    private readonly ClobClient _client;
    private readonly Action<ReconciliationSnapshot> _deliver;
    private readonly ReconciliationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string? _ourAddress;
    private readonly string? _ourOwner;

    /// <summary>Creates a runner; <paramref name="ourAddress"/> (funder) and <paramref name="ourOwner"/> (API key) pick our maker legs.</summary>
    public ReconciliationRunner(
        ClobClient client,
        Action<ReconciliationSnapshot> deliver,
        ReconciliationOptions options,
        string? ourAddress,
        string? ourOwner,
        TimeProvider? time = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(deliver);
        ArgumentNullException.ThrowIfNull(options);
        if (options.IntervalSeconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.IntervalSeconds, "IntervalSeconds must be at least 1.");
        }

        _client = client;
        _deliver = deliver;
        _options = options;
        _ourAddress = ourAddress;
        _ourOwner = ourOwner;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Fetches and maps once; null (with a log line) when either request fails, since half a picture would invent differences.</summary>
    public async Task<ReconciliationSnapshot?> FetchAsync(CancellationToken ct = default)
    {
        var asOfMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var orders = await _client.GetOpenOrdersAsync(ct: ct).ConfigureAwait(false);
        if (!orders.IsSuccess)
        {
            _logger.LogWarning("Reconciliation skipped: open orders request failed: {Error}", orders.Error);
            return null;
        }

        var trades = await _client.GetTradesAsync(null, ct).ConfigureAwait(false);
        if (!trades.IsSuccess)
        {
            _logger.LogWarning("Reconciliation skipped: trades request failed: {Error}", trades.Error);
            return null;
        }

        var errors = new List<string>();
        var venueOrders = new List<VenueOrder>(orders.Value!.Count);
        foreach (var o in orders.Value)
        {
            if (VenueMapper.TryMapOrder(o, out var mapped, out var error))
            {
                venueOrders.Add(mapped);
            }
            else
            {
                errors.Add(error!);
            }
        }

        var legs = new List<VenueTradeLeg>();
        foreach (var t in trades.Value!)
        {
            VenueMapper.MapTradeLegs(t, _ourAddress, _ourOwner, legs, errors);
        }

        foreach (var error in errors)
        {
            _logger.LogWarning("Reconciliation skipped a venue row: {Reason}", error);
        }

        return new ReconciliationSnapshot { Orders = venueOrders, Trades = legs, AsOfMs = asOfMs, MappingErrors = errors };
    }

    /// <summary>Reconciles now, then every <see cref="ReconciliationOptions.IntervalSeconds"/> until cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.IntervalSeconds), _time);
        do
        {
            try
            {
                var snapshot = await FetchAsync(ct).ConfigureAwait(false);
                if (snapshot is not null)
                {
                    _deliver(snapshot);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Reconciliation fetch failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false));
    }
}
