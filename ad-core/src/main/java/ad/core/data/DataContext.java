package ad.core.data;

import java.nio.file.Path;

/**
 * Where relative paths in a spec resolve.
 *
 * @param dataRoot the shared data folder ({@code ../shared/data} from the repository root by default)
 * @param specDirectory the folder of the experiment file
 */
public record DataContext(Path dataRoot, Path specDirectory) {}
