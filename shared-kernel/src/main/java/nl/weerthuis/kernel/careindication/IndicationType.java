package nl.weerthuis.kernel.careindication;

/** Types of care indication (Wmo). */
public enum IndicationType {
    PROTECTED_HOUSING,
    PROTECTED_LIVING_AT_HOME,
    SUPPORTED_LIVING,
    AMBULATORY_SUPPORT
}
