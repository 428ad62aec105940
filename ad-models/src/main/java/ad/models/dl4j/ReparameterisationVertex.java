package ad.models.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The VAE's reparameterisation as a graph vertex: from the encoder's output {@code h = [mu, v]}
 * ({@code 2 * latent} wide, {@code v} the log-variance) and standard normal draws {@code eps}
 * ({@code latent} wide, a graph input, drawn by the caller from a seeded stream), the sample
 * {@code z = mu + exp(min(v, 30) / 2) * eps}. The backward pass gives {@code dL/dmu = dL/dz} and
 * {@code dL/dv = dL/dz * eps * sigma / 2}, as the native engine's VAE.
 *
 * <p>DL4J has no built-in vertex for this (its own VAE layer is pretrain-only and has no KL weight).
 */
final class ReparameterisationVertex extends GraphVertex {
  static final double MAX_LOG_VARIANCE = 30;

  private final int latent;

  ReparameterisationVertex(int latent) {
    this.latent = latent;
  }

  @Override
  public ReparameterisationVertex clone() {
    return new ReparameterisationVertex(latent);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReparameterisationVertex other && other.latent == latent;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(latent) * 31 + 7;
  }

  @Override
  public long numParams(boolean backprop) {
    return 0;
  }

  @Override
  public int minVertexInputs() {
    return 2;
  }

  @Override
  public int maxVertexInputs() {
    return 2;
  }

  @Override
  public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph,
      String name, int idx, INDArray paramsView, boolean initializeParams, DataType dataType) {
    return new Impl(graph, name, idx, latent, dataType);
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
    return InputType.feedForward(latent);
  }

  @Override
  public MemoryReport getMemoryReport(InputType... inputTypes) {
    return new LayerMemoryReport.Builder(null, ReparameterisationVertex.class, inputTypes[0],
        getOutputType(-1, inputTypes)).standardMemory(0, 0).workingMemory(0, 0, 0, 0)
        .cacheMemory(0, 0).build();
  }

  /** The vertex in a built graph. */
  private static final class Impl extends BaseGraphVertex {
    private final int latent;

    Impl(ComputationGraph graph, String name, int index, int latent, DataType dataType) {
      super(graph, name, index, null, null, dataType);
      this.latent = latent;
    }

    @Override
    public boolean hasLayer() {
      return false;
    }

    @Override
    public Layer getLayer() {
      return null;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
      try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATIONS)) {
        return sigma().muli(inputs[1]).addi(mu());
      }
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
      try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATION_GRAD)) {
        INDArray dh = inputs[0].ulike();
        dh.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latent)).assign(epsilon);
        dh.get(NDArrayIndex.all(), NDArrayIndex.interval(latent, 2 * latent))
            .assign(sigma().muli(inputs[1]).muli(epsilon).muli(0.5));
        return new Pair<>(null, new INDArray[] {dh, inputs[1].ulike().assign(0)});
      }
    }

    private INDArray mu() {
      return inputs[0].get(NDArrayIndex.all(), NDArrayIndex.interval(0, latent));
    }

    /** {@code exp(min(v, 30) / 2)}, a new array. */
    private INDArray sigma() {
      INDArray v = inputs[0].get(NDArrayIndex.all(), NDArrayIndex.interval(latent, 2 * latent));
      return Transforms.exp(Transforms.min(v, MAX_LOG_VARIANCE, true).muli(0.5), false);
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
      if (backpropGradientsViewArray != null) {
        throw new IllegalStateException("the reparameterisation has no parameters");
      }
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays,
        MaskState currentMaskState, int minibatchSize) {
      return maskArrays == null || maskArrays.length == 0 ? null
          : new Pair<>(maskArrays[0], currentMaskState);
    }

    @Override
    public String toString() {
      return "ReparameterisationVertex(" + getVertexName() + ", latent " + latent + ")";
    }
  }
}
