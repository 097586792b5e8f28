using System.Runtime.CompilerServices;

namespace FastMaker.Primitives;

/// <summary>
/// One of the six tick sizes the venue uses (0.1, 0.01, 0.005, 0.0025, 0.001, 0.0001), with the decimals the official
/// clients round prices, sizes and collateral amounts to (ORDERS-V2-V3.md §3.1). <c>default(TickSize)</c> is invalid:
/// its methods throw <see cref="InvalidOperationException"/>; <see cref="IsValid"/> tells.
/// </summary>
public readonly struct TickSize : IEquatable<TickSize>
{
    /// <summary>0.1 (price 1 decimal, size 2, amount 3).</summary>
    public static readonly TickSize Tenth = new(100_000, 1, 3);

    /// <summary>0.01 (price 2 decimals, size 2, amount 4).</summary>
    public static readonly TickSize Hundredth = new(10_000, 2, 4);

    /// <summary>0.005 (price 3 decimals, size 2, amount 5).</summary>
    public static readonly TickSize HalfHundredth = new(5_000, 3, 5);

    /// <summary>0.0025 (price 4 decimals, size 2, amount 6).</summary>
    public static readonly TickSize QuarterHundredth = new(2_500, 4, 6);

    /// <summary>0.001 (price 3 decimals, size 2, amount 5).</summary>
    public static readonly TickSize Thousandth = new(1_000, 3, 5);

    /// <summary>0.0001 (price 4 decimals, size 2, amount 6).</summary>
    public static readonly TickSize TenThousandth = new(100, 4, 6);

    /// <summary>Every size in the table above, coarsest first.</summary>
    public static ReadOnlySpan<int> KnownRawValues => [100_000, 10_000, 5_000, 2_500, 1_000, 100];

    private const int SizeDecimalsForAllTicks = 2;

    private readonly int _tick;
    private readonly byte _priceDecimals;
    private readonly byte _amountDecimals;

    private TickSize(int tick, byte priceDecimals, byte amountDecimals)
    {
        _tick = tick;
        _priceDecimals = priceDecimals;
        _amountDecimals = amountDecimals;
    }

    /// <summary>The tick as a price (raw 100000, 10000, 5000, 2500, 1000 or 100).</summary>
    public Price Value => Price.FromRaw(_tick);

    /// <summary>False only for <c>default(TickSize)</c>.</summary>
    public bool IsValid => _tick != 0;

    /// <summary>Decimals of a price on this tick.</summary>
    public int PriceDecimals => _priceDecimals;

    /// <summary>Decimals an order size is floored to (2 for every tick today).</summary>
    public int SizeDecimals => _tick == 0 ? 0 : SizeDecimalsForAllTicks;

    /// <summary>Decimals the collateral leg of an order is rounded to.</summary>
    public int AmountDecimals => _amountDecimals;

    /// <summary>The lowest valid order price: one tick.</summary>
    public Price MinPrice => Price.FromRaw(Tick);

    /// <summary>The highest valid order price: 1 minus one tick.</summary>
    public Price MaxPrice => Price.FromRaw(Price.Scale - Tick);

    /// <summary>How many ticks make 1 collateral (10, 100, 200, 400, 1000, 10000): the size of a dense price-indexed book.</summary>
    public int TicksPerUnit => Price.Scale / Tick;

    private int Tick
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (_tick == 0)
            {
                ThrowHelper.ThrowUninitializedTickSize();
            }

            return _tick;
        }
    }

    /// <summary>Maps a price to one of the six known tick sizes; false for anything else.</summary>
    public static bool TryFromPrice(Price tick, out TickSize value)
    {
        switch (tick.Raw)
        {
            case 100_000: value = Tenth; return true;
            case 10_000: value = Hundredth; return true;
            case 5_000: value = HalfHundredth; return true;
            case 2_500: value = QuarterHundredth; return true;
            case 1_000: value = Thousandth; return true;
            case 100: value = TenThousandth; return true;
            default: value = default; return false;
        }
    }

    /// <summary>Parses "0.01", ".01", "0.0025" and the like; a valid price that is not a known tick is <see cref="ParseError.UnknownTickSize"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out TickSize value, out ParseError error)
    {
        if (!Price.TryParse(utf8, out Price price, out error))
        {
            value = default;
            return false;
        }

        if (!TryFromPrice(price, out value))
        {
            error = ParseError.UnknownTickSize;
            return false;
        }

        return true;
    }

    /// <summary>Parses UTF-16 text; see the UTF-8 overload.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TickSize value, out ParseError error)
    {
        if (!Price.TryParse(text, out Price price, out error))
        {
            value = default;
            return false;
        }

        if (!TryFromPrice(price, out value))
        {
            error = ParseError.UnknownTickSize;
            return false;
        }

        return true;
    }

    /// <summary>Parses text at the edges; throws <see cref="FormatException"/> naming the reason.</summary>
    public static TickSize Parse(string text)
    {
        if (text is null)
        {
            ThrowHelper.ThrowArgumentNull(nameof(text));
        }

        if (!TryParse(text.AsSpan(), out TickSize value, out ParseError error))
        {
            ThrowHelper.ThrowFormat(nameof(TickSize), error);
        }

        return value;
    }

    /// <summary>True when the price is a whole number of ticks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsAligned(Price p) => p.Raw % Tick == 0;

    /// <summary>
    /// Rounds to the tick on the passive side: a BUY rounds down, a SELL rounds up, so the result is never more
    /// aggressive than asked. Aligned prices are returned unchanged.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Price RoundAwayFromTouch(Price p, Side side) => side == Side.Buy ? Floor(p) : Ceiling(p);

    /// <summary>Rounds to the tick on the aggressive side: a BUY rounds up, a SELL rounds down.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Price RoundTowardTouch(Price p, Side side) => side == Side.Buy ? Ceiling(p) : Floor(p);

    /// <summary>The largest aligned price not above <paramref name="p"/>.</summary>
    public Price Floor(Price p)
    {
        int tick = Tick;
        // Floor division: C# '%' truncates toward zero, so negative remainders step down one more tick.
        int remainder = p.Raw % tick;
        return Price.FromRaw(remainder < 0 ? p.Raw - remainder - tick : p.Raw - remainder);
    }

    /// <summary>The smallest aligned price not below <paramref name="p"/>. Throws <see cref="OverflowException"/> only beyond <see cref="int.MaxValue"/> raw.</summary>
    public Price Ceiling(Price p)
    {
        int tick = Tick;
        int remainder = p.Raw % tick;
        if (remainder <= 0)
        {
            return Price.FromRaw(p.Raw - remainder);
        }

        long up = (long)p.Raw - remainder + tick;
        if (up > int.MaxValue)
        {
            ThrowHelper.ThrowOverflow("Price rounded up to the tick exceeds the Price range.");
        }

        return Price.FromRaw((int)up);
    }

    /// <summary>(b - a) / tick, exact. Throws <see cref="ArgumentException"/> when either price is not aligned.</summary>
    public int TicksBetween(Price a, Price b)
    {
        if (!TryTicksBetween(a, b, out int ticks))
        {
            ThrowHelper.ThrowNotAligned(IsAligned(a) ? nameof(b) : nameof(a));
        }

        return ticks;
    }

    /// <summary>(b - a) / tick; false when either price is not aligned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryTicksBetween(Price a, Price b, out int ticks)
    {
        int tick = Tick;
        if (a.Raw % tick != 0 || b.Raw % tick != 0)
        {
            ticks = 0;
            return false;
        }

        ticks = (int)(((long)b.Raw - a.Raw) / tick);
        return true;
    }

    /// <summary>The price as a whole number of ticks from zero (an index into a dense book); false when not aligned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryToTicks(Price p, out int ticks)
    {
        int tick = Tick;
        ticks = p.Raw / tick;
        return ticks * tick == p.Raw;
    }

    /// <summary>The price of a whole number of ticks from zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Price FromTicks(int ticks) => Price.FromRaw(checked(ticks * Tick));

    public bool Equals(TickSize other) => _tick == other._tick;

    public override bool Equals(object? obj) => obj is TickSize other && _tick == other._tick;

    public override int GetHashCode() => _tick;

    public static bool operator ==(TickSize left, TickSize right) => left._tick == right._tick;

    public static bool operator !=(TickSize left, TickSize right) => left._tick != right._tick;

    /// <summary>The tick as a decimal ("0.01"), or "invalid" for <c>default(TickSize)</c>.</summary>
    public override string ToString() => _tick == 0 ? "invalid" : Value.ToString();
}
