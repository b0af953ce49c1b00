package dev.noether.core.cpu;
// TEMPORARY local file for compiling before the gemm branch merges (not committed)
public final class Gemm {
  public static void dgemm(boolean ta, boolean tb, int m, int n, int k, double alpha, double[] a, int ao, int lda, double[] b, int bo, int ldb, double beta, double[] c, int co, int ldc) {
    for (int i=0;i<m;i++) for (int j=0;j<n;j++){ double s=0; for(int p=0;p<k;p++) s+= (ta?a[ao+p*lda+i]:a[ao+i*lda+p])*(tb?b[bo+j*ldb+p]:b[bo+p*ldb+j]); c[co+i*ldc+j]= alpha*s + (beta==0?0:beta*c[co+i*ldc+j]); } }
  public static void sgemm(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int ao, int lda, float[] b, int bo, int ldb, float beta, float[] c, int co, int ldc) {
    for (int i=0;i<m;i++) for (int j=0;j<n;j++){ float s=0; for(int p=0;p<k;p++) s+= (ta?a[ao+p*lda+i]:a[ao+i*lda+p])*(tb?b[bo+j*ldb+p]:b[bo+p*ldb+j]); c[co+i*ldc+j]= alpha*s + (beta==0?0:beta*c[co+i*ldc+j]); } }
}
