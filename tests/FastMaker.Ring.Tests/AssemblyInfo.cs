// Concurrency tests spin or yield threads; on a 2-vCPU box they must not run side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
