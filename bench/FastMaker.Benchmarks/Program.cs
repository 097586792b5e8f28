using BenchmarkDotNet.Running;

namespace FastMaker.Benchmarks;

/// <summary>
/// BenchmarkDotNet entry point. Run one suite with
/// <c>dotnet run -c Release --project bench/FastMaker.Benchmarks -- --filter '*Ring*'</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
