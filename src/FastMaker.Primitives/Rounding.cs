namespace FastMaker.Primitives;

/// <summary>
/// Explicit rounding direction for fixed-point arithmetic. Directions are defined on the magnitude:
/// <see cref="Down"/> rounds toward zero and <see cref="Up"/> away from zero, for values of either sign.
/// </summary>
public enum Rounding : byte
{
    /// <summary>Toward zero (truncate).</summary>
    Down,

    /// <summary>Away from zero.</summary>
    Up,
}
