//! Giving memory back. The allocator (mimalloc, set in `main.rs`) keeps the
//! pages a thread freed for that thread's next allocations; once every
//! project of a report is read, the reading threads allocate nothing more,
//! so what they freed would stay counted against the command until it
//! exits. `release` returns it at once, from every thread of the pool.

/// Returns the memory every thread has freed to the operating system.
pub fn release() {
    rayon::broadcast(|_| collect());
    collect();
}

fn collect() {
    // SAFETY: mi_collect takes no pointer and may be called from any
    // thread at any time; with another allocator it finds nothing to do.
    unsafe { libmimalloc_sys::mi_collect(true) }
}
