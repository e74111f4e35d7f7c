package dev.terrace.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.terrace.engine.config.Limits;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * Keeps the engine's package graph a tree users can read: no package cycle, the public surface (the
 * packages users call) free of internal types, and the statistics free of wire types.
 */
class PackageGraphTest {

  /** The packages users call; everything else lives under {@code dev.terrace.engine.internal}. */
  static final Set<String> PUBLIC_PACKAGES =
      Set.of("dev.terrace.engine", "dev.terrace.engine.config");

  private static final JavaClasses ENGINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.terrace.engine");

  @Test
  void packagesFormNoCycle() {
    slices().matching("dev.terrace.engine.(**)").should().beFreeOfCycles().check(ENGINE);
  }

  @Test
  void nothingDependsOnTheEntryPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.terrace.engine")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.terrace.engine")
        .because("the entry point depends on the engine, never the other way round")
        .check(ENGINE);
  }

  @Test
  void statisticsDoNotSpeakTheWireFormat() {
    noClasses()
        .that()
        .resideInAPackage("dev.terrace.engine.internal.stats..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.terrace.api..")
        .check(ENGINE);
  }

  @Test
  void publicSurfaceNamesNoInternalType() {
    List<String> leaks = new ArrayList<>();
    for (JavaClass type : ENGINE) {
      if (PUBLIC_PACKAGES.contains(type.getPackageName())
          && type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
        leaks.addAll(leaks(type.reflect()));
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void publicPackagesDeclareNullness() {
    assertThat(Terrace.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
    assertThat(Limits.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
  }

  @Test
  void publicSurfaceIsWhatUsersCall() {
    assertThat(
            ENGINE.stream()
                .filter(c -> PUBLIC_PACKAGES.contains(c.getPackageName()))
                .map(JavaClass::getName)
                .filter(n -> !n.contains("$"))
                .toList())
        .contains(Terrace.class.getName(), Limits.class.getName());
  }

  private static List<String> leaks(Class<?> type) {
    List<String> leaks = new ArrayList<>();
    List<Type> signature = new ArrayList<>();
    signature.add(type.getGenericSuperclass());
    signature.addAll(List.of(type.getGenericInterfaces()));
    for (Field field : type.getDeclaredFields()) {
      if (exposed(field.getModifiers())) {
        signature.add(field.getGenericType());
      }
    }
    for (Executable member :
        Stream.concat(
                Stream.of(type.getDeclaredMethods()), Stream.of(type.getDeclaredConstructors()))
            .toList()) {
      if (exposed(member.getModifiers()) && !member.isSynthetic()) {
        signature.addAll(List.of(member.getGenericParameterTypes()));
        signature.addAll(List.of(member.getGenericExceptionTypes()));
        if (member instanceof java.lang.reflect.Method method) {
          signature.add(method.getGenericReturnType());
        }
      }
    }
    Set<String> internal = new TreeSet<>();
    signature.forEach(t -> collectInternal(t, internal));
    internal.forEach(name -> leaks.add(type.getName() + " exposes " + name));
    return leaks;
  }

  private static boolean exposed(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void collectInternal(Type type, Set<String> internal) {
    switch (type) {
      case null -> {}
      case Class<?> c when c.isArray() -> collectInternal(c.getComponentType(), internal);
      case Class<?> c -> {
        if (c.getName().startsWith("dev.terrace.engine.internal.")) {
          internal.add(c.getName());
        }
      }
      case ParameterizedType p -> {
        collectInternal(p.getRawType(), internal);
        Stream.of(p.getActualTypeArguments()).forEach(a -> collectInternal(a, internal));
      }
      case GenericArrayType a -> collectInternal(a.getGenericComponentType(), internal);
      case WildcardType w ->
          Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
              .forEach(b -> collectInternal(b, internal));
      case TypeVariable<?> v -> Stream.of(v.getBounds()).forEach(b -> collectInternal(b, internal));
      default -> throw new IllegalStateException("unexpected type " + type);
    }
  }
}
