using System.Runtime.ExceptionServices;

namespace ResearchKit;

/// <summary>
/// A fixed team of threads for the phases of one training step. <see cref="Run"/> is a fork–join: every
/// member (the caller is member 0) runs the same phase with its own index, and Run returns when all have
/// finished. Members wait by spinning and yielding, never sleeping, because a step's phases last tens of
/// microseconds; after a long idle spell (between epochs, or a trainer left undisposed) they back off to
/// 1 ms sleeps so that an idle team does not hold a core. Run allocates nothing (phases are delegates
/// cached by the caller).
/// </summary>
internal sealed class WorkerTeam : IDisposable
{
    private readonly Thread[] threads;
    private Action<int>? phase;
    private int generation;
    private int pending;
    private volatile bool stopping;
    private ExceptionDispatchInfo? failure;
    private const int IdleSpins = 200_000;

    public int Size { get; }

    public WorkerTeam(int size)
    {
        Size = size;
        threads = new Thread[size - 1];
        for (int i = 0; i < threads.Length; i++)
        {
            int member = i + 1;
            threads[i] = new Thread(() => Loop(member)) { IsBackground = true, Name = $"researchkit-step-{member}" };
            threads[i].Start();
        }
    }

    /// <summary>Runs <paramref name="work"/>(member) on every member and waits for all of them. An exception on
    /// any member is rethrown here, after every member has stopped touching the shared buffers.</summary>
    public void Run(Action<int> work)
    {
        ObjectDisposedException.ThrowIf(stopping, this);
        if (Size == 1) { work(0); return; }
        phase = work;
        failure = null;
        Volatile.Write(ref pending, Size - 1);
        Interlocked.Increment(ref generation);
        try { work(0); }
        catch (Exception e) { Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null); }
        var spin = new SpinWait();
        while (Volatile.Read(ref pending) != 0) spin.SpinOnce(sleep1Threshold: -1);
        failure?.Throw();
    }

    private void Loop(int member)
    {
        int seen = 0;
        while (true)
        {
            var spin = new SpinWait();
            int spins = 0;
            while (Volatile.Read(ref generation) == seen && !stopping)
            {
                if (++spins < IdleSpins) spin.SpinOnce(sleep1Threshold: -1);
                else Thread.Sleep(1);
            }
            if (stopping) return;
            seen = Volatile.Read(ref generation);
            try { phase!(member); }
            catch (Exception e) { Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null); }
            Interlocked.Decrement(ref pending);
        }
    }

    public void Dispose()
    {
        if (stopping) return;
        stopping = true;
        foreach (var t in threads) t.Join();
    }
}
