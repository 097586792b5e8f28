using System.Runtime.CompilerServices;

// The signing benchmarks measure internal building blocks (field multiply, inversion, scalar multiplications).
[assembly: InternalsVisibleTo("FastMaker.Benchmarks")]
