//! Sorting a province's rows. A report row is a few hundred bytes, and a
//! merge sort moves every row once a pass (some twenty passes for 300,000
//! rows) and needs room for half of them beside. Rows mostly arrive in
//! order already but for one number (a report's items come project by
//! project, each project's in order): sorting pairs of that number and the
//! row's place, then swapping each row into its new place, moves a row
//! about twice and reads the rows in order.

use rayon::slice::ParallelSliceMut;
use std::cmp::Ordering;

/// Sorts `items` stably by `key`, then by `then`, in parallel. Cheapest
/// when the rows are already in `then`'s order.
pub fn sort_rows_by_key<T: Send, K: Ord + Send>(
    items: &mut [T],
    key: impl Fn(&T) -> K + Sync,
    then: impl Fn(&T, &T) -> Ordering + Sync,
) {
    if !items.is_sorted_by(|a, b| then(a, b) != Ordering::Greater) {
        items.par_sort_by(&then);
    }
    let mut keys: Vec<(K, usize)> = items.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
    // The place breaks every tie: the sort is stable.
    keys.par_sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(|(_, i)| i).collect();
    permute(items, order);
}

/// Puts row `order[k]` at `k`: each cycle of the permutation is followed,
/// each row swapped into its place; a place done is marked usize::MAX.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at];
            if from == usize::MAX {
                break;
            }
            order[at] = usize::MAX;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort by key and
        /// then the rest, rows that compare equal included, whatever order
        /// the rows come in.
        #[test]
        fn sorts_as_the_stable_sort_does(
            rows in proptest::collection::vec((0u8..6, 0u8..4, 0u32..1000), 0..200),
            presorted in any::<bool>(),
        ) {
            let mut rows = rows;
            if presorted {
                rows.sort_by_key(|r| r.1);
            }
            let mut ours = rows.clone();
            sort_rows_by_key(&mut ours, |r| r.0, |a, b| a.1.cmp(&b.1));
            let mut std = rows;
            std.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
            prop_assert_eq!(ours, std);
        }
    }
}
