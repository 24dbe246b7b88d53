/**
 * Clustering algorithms on plain matrices, knowing nothing of provinces or the paper: k-means (k-means++
 * starts, restarts, Lloyd on typed arrays), Ward and average linkage, scaling, silhouette and elbow, PCA, agreement
 * between partitions (ARI, AMI) and the permutation null of a best agreement, the Hungarian matching, confusion matrices
 * and the features that drive a disagreement.
 * Imports: core/ only.
 *
 * Modules:
 * - agreement: Agreement between two partitions of the same n objects (e.g. a clustering and the paper's
 * - confusion: The confusion matrix of a clustering against a reference typology, laid out to be read: rows are the reference
 * - drivers: Why does a clustering put a province elsewhere than a reference typology (the paper's Table 1)?
 * - elbow: The elbow curve: best k-means inertia W(k) for k = 2..10. W falls as k grows; the "elbow" where
 * - hierarchical: Agglomerative (hierarchical) clustering with Ward's or average linkage, via ml-hclust@3.1's
 * - hungarian: The assignment problem (Kuhn 1955; Munkres 1957): given an r × c cost matrix, pair rows with
 * - kmeans: k-means clustering: the partition of n rows into k groups that (locally) minimises the
 * - lloyd: A tight k-means (Lloyd's algorithm with greedy k-means++ seeding) on a flat Float64Array, for the
 * - matrix: The data matrix every clustering function takes: n rows (observations, e.g. provinces) of
 * - methods: The three clustering methods the project compares, behind one call: k-means (best of `restarts` k-means++ starts),
 * - pca: Principal component analysis for a biplot, via ml-pca@4 (SVD of the centred data).
 * - permutationNull: Is the best agreement of a search with a reference typology more than chance? The permutation null.
 * - restarts: Why k-means needs restarts: each k-means++ start ends in a local minimum of the within-cluster sum of squares
 * - scaling: Column-wise rescaling of a feature matrix before clustering. Distances, and hence clusters,
 * - silhouette: Silhouette (Rousseeuw 1987), Euclidean: how much closer a row is to its own cluster than to the
 */
export * from "./agreement";
export * from "./confusion";
export * from "./drivers";
export * from "./elbow";
export * from "./hierarchical";
export * from "./hungarian";
export * from "./kmeans";
export * from "./lloyd";
export * from "./matrix";
export * from "./methods";
export * from "./pca";
export * from "./permutationNull";
export * from "./restarts";
export * from "./scaling";
export * from "./silhouette";
