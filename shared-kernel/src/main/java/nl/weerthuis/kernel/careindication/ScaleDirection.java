package nl.weerthuis.kernel.careindication;

/** Scaling care up (opschalen) or down (afschalen). */
public enum ScaleDirection {
    UP,
    DOWN
}
