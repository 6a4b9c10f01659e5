//! A step allocates nothing once its buffers exist: a counting global allocator watches 1000
//! steps of W1 (full batch) and W2 (mini-batches). Products above the small-kernel threshold
//! (W3's grid, W4) go to `matrixmultiply`, which allocates its packing buffers once per product;
//! that is counted here too, so a change in either is noticed.

use backstep_lesson::workloads;
use backstep_nn::Inference;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    // Per thread, so that the test harness's own threads are not counted. A const-initialised
    // `Cell` needs no allocation, so the allocator may touch it.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    // `try_with`: during thread teardown the slot may be gone; those allocations are not ours.
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
}

// SAFETY: defers to the system allocator and only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn steps_and_grid_inference_do_not_allocate() {
    for (name, preset, steps) in [("w1", workloads::w1(), 1000), ("w2", workloads::w2(), 1000)] {
        let mut s = preset.spec(1).unwrap().session().unwrap();
        // Warm-up: the first step sizes every buffer; W2's short last batch (500 = 50 × 10) never
        // occurs, so one step is enough there too.
        s.step().unwrap();
        let n = allocations_during(|| {
            for _ in 0..steps {
                s.step().unwrap();
            }
        });
        assert_eq!(n, 0, "{name}: {n} allocations in {steps} steps");
    }
    // W4: one packing allocation per large product and nothing else: 3 forward products, and
    // dx and dW of each of the 3 affine layers backward.
    let mut s = workloads::w4().spec(1).unwrap().session().unwrap();
    s.step().unwrap();
    let n = allocations_during(|| {
        s.step().unwrap();
    });
    assert!(n <= 9, "w4: {n} allocations in one step");
    // W3: the grid through W2's net reuses its buffers; only the products' packing allocates.
    let s = workloads::w2().spec(1).unwrap().session().unwrap();
    let grid = workloads::grid(100);
    let mut infer = Inference::new();
    infer.run(s.network(), &grid);
    let n = allocations_during(|| {
        infer.run(s.network(), &grid);
    });
    assert!(n <= 3, "w3: {n} allocations for three affine layers");
}
