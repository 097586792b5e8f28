namespace FastMaker.Engine.Store;

/// <summary>The store file failed its integrity check or holds a value this build cannot read.</summary>
public sealed class StoreCorruptedException : Exception
{
    /// <summary>Creates the exception with a precise reason.</summary>
    public StoreCorruptedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a precise reason and its cause.</summary>
    public StoreCorruptedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
