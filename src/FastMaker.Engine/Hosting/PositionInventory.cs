using FastMaker.Engine.Positions;
using FastMaker.Engine.Quoting;
using FastMaker.Primitives;

namespace FastMaker.Engine.Hosting;

/// <summary>The position book as the quote stage's <see cref="IInventorySource"/>: shares held per token (matched fills included).</summary>
public sealed class PositionInventory : IInventorySource
{
    private readonly PositionBook _positions;

    /// <summary>Wraps <paramref name="positions"/>.</summary>
    public PositionInventory(PositionBook positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        _positions = positions;
    }

    /// <inheritdoc />
    public Quantity Position(int tokenIndex) => Quantity.FromRaw(Math.Max(0, _positions.Shares(tokenIndex)));
}
