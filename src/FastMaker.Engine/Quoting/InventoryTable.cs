using FastMaker.Primitives;

namespace FastMaker.Engine.Quoting;

/// <summary>A plain per-token holdings table: the default <see cref="IInventorySource"/> until the risk stage provides one.</summary>
public sealed class InventoryTable : IInventorySource
{
    private long[] _positions = new long[64];

    /// <inheritdoc />
    public Quantity Position(int tokenIndex) =>
        (uint)tokenIndex < (uint)_positions.Length ? Quantity.FromRaw(_positions[tokenIndex]) : Quantity.Zero;

    /// <summary>Sets the holdings of a token (cold path: may grow the table).</summary>
    public void Set(int tokenIndex, Quantity position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokenIndex);
        if (tokenIndex >= _positions.Length)
        {
            Array.Resize(ref _positions, Math.Max(_positions.Length * 2, tokenIndex + 1));
        }

        _positions[tokenIndex] = position.Raw;
    }
}
