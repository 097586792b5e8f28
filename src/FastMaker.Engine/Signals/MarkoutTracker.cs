namespace FastMaker.Engine.Signals;

/// <summary>
/// Markouts of one stream of fills (the public tape's trades, or our own fills) of one token at several horizons.
/// A fill at time t, price x, by a party with sign d (+1 bought, -1 sold) has markout
/// <c>m_h = d x (FV(t + h) - x)</c> in raw price units: what that party gained per share after h.
/// FV(t + h) is the fair value at the first resolution call at or after t + h (resolution runs on every book
/// change of the token and on the housekeeping timer, so the lag is at most one housekeeping period).
/// Each horizon keeps the size-weighted mean of its last <see cref="SignalOptions.MarkoutWindow"/> markouts.
/// Fixed-size arrays; no allocation after construction.
/// </summary>
public sealed class MarkoutTracker
{
    private readonly long[] _horizons;
    private readonly int _pendingMask;
    private readonly long[] _time;
    private readonly double[] _price;
    private readonly double[] _signedSize;
    private long _written;
    private readonly long[] _cursor;

    private readonly int _windowMask;
    private readonly double[] _windowWeighted; // [horizon * window + slot]
    private readonly double[] _windowSize;
    private readonly long[] _resolved;
    private readonly double[] _sumWeighted;
    private readonly double[] _sumSize;

    /// <summary>Creates a tracker for the given horizons.</summary>
    public MarkoutTracker(long[] horizonsMs, int pendingCapacity, int window)
    {
        _horizons = (long[])horizonsMs.Clone();
        _pendingMask = pendingCapacity - 1;
        _time = new long[pendingCapacity];
        _price = new double[pendingCapacity];
        _signedSize = new double[pendingCapacity];
        _cursor = new long[_horizons.Length];
        _windowMask = window - 1;
        _windowWeighted = new double[_horizons.Length * window];
        _windowSize = new double[_horizons.Length * window];
        _resolved = new long[_horizons.Length];
        _sumWeighted = new double[_horizons.Length];
        _sumSize = new double[_horizons.Length];
    }

    /// <summary>Number of horizons.</summary>
    public int HorizonCount => _horizons.Length;

    /// <summary>Fills whose markout at some horizon was never measured because newer fills overwrote them.</summary>
    public long Dropped { get; private set; }

    /// <summary>Fills recorded.</summary>
    public long Recorded => _written;

    /// <summary>Records a fill: <paramref name="sign"/> is +1 when the measured party bought, -1 when it sold.</summary>
    public void Record(long timeMs, int priceRaw, int sign, double sizeShares)
    {
        var capacity = _pendingMask + 1;
        for (var h = 0; h < _cursor.Length; h++)
        {
            if (_written - _cursor[h] >= capacity)
            {
                // The oldest unresolved fill is about to be overwritten: skip it at this horizon.
                _cursor[h] = _written - capacity + 1;
                Dropped++;
            }
        }

        var slot = (int)(_written & _pendingMask);
        _time[slot] = timeMs;
        _price[slot] = priceRaw;
        _signedSize[slot] = sign * sizeShares;
        _written++;
    }

    /// <summary>Measures every pending fill whose horizon has elapsed at <paramref name="nowMs"/> against <paramref name="fairValueRaw"/>.</summary>
    public void Resolve(long nowMs, double fairValueRaw)
    {
        if (double.IsNaN(fairValueRaw))
        {
            return;
        }

        for (var h = 0; h < _horizons.Length; h++)
        {
            var horizon = _horizons[h];
            var cursor = _cursor[h];
            while (cursor < _written)
            {
                var slot = (int)(cursor & _pendingMask);
                if (_time[slot] + horizon > nowMs)
                {
                    break;
                }

                var signedSize = _signedSize[slot];
                AddResolved(h, signedSize * (fairValueRaw - _price[slot]), Math.Abs(signedSize));
                cursor++;
            }

            _cursor[h] = cursor;
        }
    }

    /// <summary>Markouts resolved so far at horizon <paramref name="h"/>.</summary>
    public long ResolvedCount(int h) => _resolved[h];

    /// <summary>Markouts in the rolling window of horizon <paramref name="h"/>.</summary>
    public int WindowCount(int h) => (int)Math.Min(_resolved[h], _windowMask + 1);

    /// <summary>Size-weighted mean markout at horizon <paramref name="h"/> over its window (raw price units), or NaN when none.</summary>
    public double MeanMarkoutRaw(int h) => _sumSize[h] > 0 ? _sumWeighted[h] / _sumSize[h] : double.NaN;

    /// <summary>The horizon, ms.</summary>
    public long HorizonMs(int h) => _horizons[h];

    private void AddResolved(int h, double weighted, double size)
    {
        var slot = h * (_windowMask + 1) + (int)(_resolved[h] & _windowMask);
        if (_resolved[h] > _windowMask)
        {
            _sumWeighted[h] -= _windowWeighted[slot];
            _sumSize[h] -= _windowSize[slot];
        }

        _windowWeighted[slot] = weighted;
        _windowSize[slot] = size;
        _sumWeighted[h] += weighted;
        _sumSize[h] += size;
        _resolved[h]++;
        if ((_resolved[h] & _windowMask) == 0)
        {
            // Recompute the sums once per window turn so float drift from add/subtract cannot accumulate.
            Recompute(h);
        }
    }

    private void Recompute(int h)
    {
        var baseSlot = h * (_windowMask + 1);
        double weighted = 0, size = 0;
        for (var i = 0; i <= _windowMask; i++)
        {
            weighted += _windowWeighted[baseSlot + i];
            size += _windowSize[baseSlot + i];
        }

        _sumWeighted[h] = weighted;
        _sumSize[h] = size;
    }
}
